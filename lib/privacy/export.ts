// A person's data export: everything Portico holds about them (one JSON file
// per kind of record, plus the files they uploaded) in one ZIP. The privacy
// officer asks for it; a background job builds it, reporting progress; only
// the officer who asked can download it, once: the download takes the object
// out of storage. Who asked, about whom and when stays on record.
import { zipSync, strToU8 } from "fflate";
import { assertPrivacyOfficer, type Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import type { DbOrTx } from "@/lib/db";
import { isUuid } from "@/lib/db/query-guards";
import { NotFoundError } from "@/lib/errors";
import { newStorageKey, sanitizeFileName, type FileStorage, type StoredObject } from "@/lib/storage";
import { recordSensitiveAccess } from "./access-log";
import { personWhere, resolvePerson, type PersonIdentity, type PersonKey } from "./person";
import { guestRequestFieldsSelect } from "@/lib/guests/request-fields";

type ExportStatus = "QUEUED" | "RUNNING" | "READY" | "DOWNLOADED" | "FAILED" | "DISCARDED";

interface PersonExportView {
  id: string;
  status: ExportStatus;
  progress: number;
  size: number | null;
  createdAt: Date;
  completedAt: Date | null;
  downloadedAt: Date | null;
}

const viewSelect = { id: true, status: true, progress: true, size: true, createdAt: true, completedAt: true, downloadedAt: true } as const;

/** Whether any record names the person (an export or erasure of nobody is refused). */
async function personExists(db: DbOrTx, person: PersonIdentity): Promise<boolean> {
  const w = personWhere(person);
  const found = await Promise.all([
    db.user.count({ where: w.user, take: 1 }),
    db.customer.count({ where: w.customer, take: 1 }),
    db.contactPerson.count({ where: w.contactPerson, take: 1 }),
    db.registration.count({ where: w.registration, take: 1 }),
    db.guestRequest.count({ where: w.guestRequest, take: 1 }),
    db.contact.count({ where: w.contact, take: 1 }),
  ]);
  return found.some((n) => n > 0);
}

/**
 * Records the request; the caller queues the job after commit. The subject is
 * kept as the key the officer chose, so an erasure of the person finds and
 * discards exports nobody downloaded.
 */
export async function requestPersonExport(db: DbOrTx, actor: Actor, key: PersonKey): Promise<{ id: string }> {
  assertPrivacyOfficer(actor);
  if (!(await personExists(db, await resolvePerson(db, key)))) throw new NotFoundError("personData.notFound");
  const row = await db.personExport.create({
    data: { requesterId: actor.userId, subjectKind: key.kind, subject: key.value, createdAt: now() },
    select: { id: true },
  });
  // The access log names the export, never whom it is about.
  await recordSensitiveAccess(db, actor, { kind: "PERSON_EXPORT", entityType: "PersonExport", entityId: row.id, label: "requested" });
  return row;
}

/** The actor's own exports about the person, newest first. */
export async function listPersonExports(db: DbOrTx, actor: Actor, key: PersonKey): Promise<PersonExportView[]> {
  assertPrivacyOfficer(actor);
  return db.personExport.findMany({
    where: { requesterId: actor.userId, subjectKind: key.kind, subject: key.value },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: 10,
    select: viewSelect,
  });
}

/**
 * The download: only the officer who asked, only once. The row is claimed
 * first (READY -> DOWNLOADED in one statement, so two clicks cannot both win),
 * then the object is read and deleted from storage.
 */
export async function takePersonExport(db: DbOrTx, storage: FileStorage, actor: Actor, id: string): Promise<{ fileName: string; body: Uint8Array }> {
  assertPrivacyOfficer(actor);
  const row = isUuid(id)
    ? await db.personExport.findFirst({ where: { id, requesterId: actor.userId, status: "READY" }, select: { storageKey: true, createdAt: true } })
    : null;
  if (!row?.storageKey) throw new NotFoundError("errors.notFoundBody");
  const { count } = await db.personExport.updateMany({
    where: { id, requesterId: actor.userId, status: "READY" },
    data: { status: "DOWNLOADED", downloadedAt: now(), storageKey: null },
  });
  if (count !== 1) throw new NotFoundError("errors.notFoundBody");
  const object = await storage.get(row.storageKey);
  const body = object ? await bytesOf(object) : null;
  await storage.delete(row.storageKey);
  if (!body) throw new NotFoundError("errors.notFoundBody");
  await recordSensitiveAccess(db, actor, { kind: "PERSON_EXPORT", entityType: "PersonExport", entityId: id, label: "downloaded" });
  return { fileName: `person-export-${row.createdAt.toISOString().slice(0, 10)}.zip`, body };
}

async function bytesOf(object: StoredObject): Promise<Uint8Array> {
  return object.body instanceof Uint8Array ? object.body : new Uint8Array(await new Response(object.body).arrayBuffer());
}

const json = (value: unknown) => strToU8(JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v), 2));

/**
 * The job: builds the ZIP of a queued export. Claimed QUEUED -> RUNNING, so a
 * retried or duplicated job builds it once; progress is written as each kind
 * of record and each file is added. False when someone else had claimed it.
 */
export async function buildPersonExport(db: DbOrTx, storage: FileStorage, exportId: string): Promise<boolean> {
  const { count } = await db.personExport.updateMany({ where: { id: exportId, status: "QUEUED" }, data: { status: "RUNNING", progress: 1, startedAt: now() } });
  if (count !== 1) return false;
  const row = await db.personExport.findUniqueOrThrow({ where: { id: exportId }, select: { subjectKind: true, subject: true } });
  try {
    const key = { kind: row.subjectKind, value: row.subject } as PersonKey;
    const person = await resolvePerson(db, key);
    const entries: Record<string, Uint8Array> = {};
    const progress = (value: number) => db.personExport.updateMany({ where: { id: exportId, status: "RUNNING" }, data: { progress: value } });

    const kinds = personData(db, person);
    const names = Object.keys(kinds);
    let fileRows: { id: string; fileName: string; contentType: string; size: number; createdAt: Date; storageKey: string }[] = [];
    for (const [index, name] of names.entries()) {
      const rows = await kinds[name]();
      if (name === "files") {
        fileRows = rows as typeof fileRows;
        // Where a file is stored is Portico's business, not the person's.
        entries["files.json"] = json(
          fileRows.map((file) => ({ id: file.id, fileName: file.fileName, contentType: file.contentType, size: file.size, createdAt: file.createdAt })),
        );
      } else entries[`${name}.json`] = json(rows);
      await progress(Math.round(((index + 1) / names.length) * 50));
    }
    entries["person.json"] = json({ generatedAt: now(), identifiedBy: key.kind, emails: person.emails, nationalIds: person.cpfs });
    for (const [index, file] of fileRows.entries()) {
      const object = await storage.get(file.storageKey);
      if (object) entries[`files/${file.id}-${sanitizeFileName(file.fileName)}`] = await bytesOf(object);
      await progress(50 + Math.round(((index + 1) / fileRows.length) * 45));
    }
    const zip = zipSync(entries, { level: 6 });
    const storageKey = newStorageKey();
    await storage.put(storageKey, zip, "application/zip");
    const done = await db.personExport.updateMany({
      where: { id: exportId, status: "RUNNING" },
      data: { status: "READY", progress: 100, storageKey, size: zip.byteLength, completedAt: now() },
    });
    // Discarded meanwhile (the person was erased): the copy must not stay.
    if (done.count !== 1) await storage.delete(storageKey);
    return true;
  } catch (error) {
    await db.personExport.updateMany({ where: { id: exportId, status: "RUNNING" }, data: { status: "FAILED", completedAt: now() } });
    throw error;
  }
}

/** One loader per JSON file of the export; no secrets (password hashes, token hashes) are included. */
function personData(db: DbOrTx, person: PersonIdentity): Record<string, () => Promise<unknown[]>> {
  const w = personWhere(person);
  return {
    users: () =>
      db.user.findMany({
        where: w.user,
        select: { id: true, email: true, name: true, cpf: true, role: true, active: true, locale: true, timeZone: true, createdAt: true, updatedAt: true },
      }),
    customers: () =>
      db.customer.findMany({
        where: w.customer,
        select: { id: true, kind: true, name: true, document: true, email: true, phone: true, active: true, createdAt: true },
      }),
    "contact-persons": () =>
      db.contactPerson.findMany({
        where: w.contactPerson,
        select: { id: true, name: true, email: true, phone: true, createdAt: true, customer: { select: { name: true } } },
      }),
    registrations: () =>
      db.registration.findMany({
        where: w.registration,
        orderBy: { registeredAt: "asc" },
        select: {
          id: true,
          name: true,
          email: true,
          cpf: true,
          locale: true,
          status: true,
          source: true,
          registeredAt: true,
          cancelledAt: true,
          cancelReason: true,
          attendedAt: true,
          answers: true,
          event: { select: { number: true, name: true, startsAt: true, endsAt: true } },
        },
      }),
    certificates: () =>
      db.certificate.findMany({
        where: { registration: w.registration },
        select: { code: true, participantName: true, eventName: true, eventStartsAt: true, eventEndsAt: true, hours: true, issuedAt: true },
      }),
    "guest-requests": () =>
      db.guestRequest.findMany({
        where: w.guestRequest,
        orderBy: { number: "asc" },
        select: { number: true, status: true, ...guestRequestFieldsSelect, createdAt: true },
      }),
    contacts: () =>
      db.contact.findMany({
        where: w.contact,
        orderBy: { number: "asc" },
        select: {
          number: true,
          module: true,
          classificationName: true,
          contactName: true,
          phone: true,
          email: true,
          status: true,
          createdAt: true,
          messages: { where: { fromStaff: false }, orderBy: { createdAt: "asc" }, select: { authorName: true, body: true, createdAt: true } },
        },
      }),
    tickets: () =>
      db.ticket.findMany({
        where: w.ticket,
        orderBy: { number: "asc" },
        select: { number: true, subject: true, description: true, status: true, createdAt: true, completedAt: true, cancelledAt: true },
      }),
    "ticket-messages": () =>
      db.ticketMessage.findMany({
        where: w.ticketMessage,
        orderBy: { createdAt: "asc" },
        select: { authorName: true, kind: true, body: true, createdAt: true, ticket: { select: { number: true } } },
      }),
    emails: () =>
      db.emailMessage.findMany({
        where: w.emailMessage,
        orderBy: { createdAt: "asc" },
        take: 5000,
        select: { to: true, subject: true, status: true, createdAt: true, sentAt: true },
      }),
    files: () =>
      db.storedFile.findMany({ where: w.file, select: { id: true, fileName: true, contentType: true, size: true, createdAt: true, storageKey: true } }),
  };
}

/** A queued export older than this lost its job (the queue was unreachable): the sweep builds it. */
const QUEUE_GRACE_MS = 2 * 60_000;
/** A build running longer than this lost its worker (the job's own time limit is an hour). */
const RUNNING_LIMIT_MS = 60 * 60_000;

/**
 * The safety net behind the export job, run every few minutes: builds the
 * exports whose job never arrived, and fails the ones whose worker died
 * mid-build, so the officer's page never waits forever. Returns what it did.
 */
export async function resumeStalledExports(db: DbOrTx, storage: FileStorage): Promise<{ built: number; failed: number }> {
  const at = now().getTime();
  const stale = new Date(at - RUNNING_LIMIT_MS);
  const { count: failed } = await db.personExport.updateMany({
    // Claimed before the start time was recorded: its request time is the best there is.
    where: { status: "RUNNING", OR: [{ startedAt: { lt: stale } }, { startedAt: null, createdAt: { lt: stale } }] },
    data: { status: "FAILED", completedAt: now() },
  });
  const waiting = await db.personExport.findMany({
    where: { status: "QUEUED", createdAt: { lt: new Date(at - QUEUE_GRACE_MS) } },
    orderBy: { createdAt: "asc" },
    take: 10,
    select: { id: true },
  });
  let built = 0;
  for (const { id } of waiting) {
    try {
      if (await buildPersonExport(db, storage, id)) built++;
    } catch (error) {
      console.error(`[privacy] export ${id} failed`, error);
    }
  }
  return { built, failed };
}
