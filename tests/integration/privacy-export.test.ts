// A person's data export: built by the job into a ZIP (one JSON file per
// kind, plus their files), downloadable once, by the officer who asked only;
// the archive leaves storage with the download, and an erasure discards an
// export nobody downloaded.
import { unzipSync, strFromU8 } from "fflate";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { setClock } from "@/lib/clock";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { uploadFile } from "@/lib/files/files";
import { erasePerson } from "@/lib/privacy/erase";
import { buildPersonExport, listPersonExports, requestPersonExport, resumeStalledExports, takePersonExport } from "@/lib/privacy/export";
import { withTestDatabase } from "../helpers/db-test";
import { createClient, createEvent, createGuestRequest, createRegistration, createStaff, uniqueTag } from "../helpers/factories";
import { PNG_BYTES, pngFile } from "../helpers/guest-fixtures";
import { MemoryStorage } from "../helpers/memory-storage";

// Each test builds a person across every kind of record: slow on a busy machine.
vi.setConfig({ testTimeout: 120_000 });

const t = withTestDatabase();
const storage = new MemoryStorage();
let event: { id: string; number: number; endsAt: Date };

beforeAll(async () => {
  const created = await createEvent(t.prisma, { seats: 10, visibleInPortal: true });
  event = await t.prisma.event.findUniqueOrThrow({ where: { id: created.id }, select: { id: true, number: true, endsAt: true } });
});

async function person() {
  const tag = uniqueTag();
  const email = `export.${tag}@example.test`;
  const client = await createClient(t.prisma, { name: `Exported ${tag}`, email, cpf: null });
  await createRegistration(t.prisma, event.id, { client: client.actor });
  const upload = await uploadFile(t.prisma, storage, client.actor, { fileName: "notes.txt", bytes: new TextEncoder().encode(`notes of ${tag}`) });
  const guest = await createGuestRequest(t.prisma, storage, { entries: { requesterName: `Exported ${tag}`, email, files: pngFile("leak.png") } });
  return { tag, email, client, upload, guest };
}

describe("person export", () => {
  it("builds a ZIP with one JSON file per kind and the person's files, with progress", async () => {
    const { actor } = await createStaff(t.prisma, { privacyOfficer: true });
    const p = await person();
    const { id } = await requestPersonExport(t.prisma, actor, { kind: "email", value: p.email });
    expect(await listPersonExports(t.prisma, actor, { kind: "email", value: p.email })).toMatchObject([{ id, status: "QUEUED", progress: 0 }]);
    // In the access log, without whom.
    expect(await t.prisma.sensitiveAccess.findMany({ where: { entityId: id }, select: { kind: true, actorId: true, entityType: true } })).toEqual([
      { kind: "PERSON_EXPORT", actorId: actor.userId, entityType: "PersonExport" },
    ]);

    await buildPersonExport(t.prisma, storage, id);
    const [done] = await listPersonExports(t.prisma, actor, { kind: "email", value: p.email });
    expect(done).toMatchObject({ id, status: "READY", progress: 100 });
    // A second run of the job (a retry) builds nothing again.
    const row = await t.prisma.personExport.findUniqueOrThrow({ where: { id } });
    await buildPersonExport(t.prisma, storage, id);
    expect((await t.prisma.personExport.findUniqueOrThrow({ where: { id } })).storageKey).toBe(row.storageKey);

    const file = await takePersonExport(t.prisma, storage, actor, id);
    expect(file.fileName).toMatch(/^person-export-\d{4}-\d{2}-\d{2}\.zip$/);
    const zip = unzipSync(file.body);
    const names = Object.keys(zip).sort();
    for (const kind of [
      "users",
      "customers",
      "contact-persons",
      "registrations",
      "certificates",
      "guest-requests",
      "contacts",
      "tickets",
      "ticket-messages",
      "emails",
      "files",
      "person",
    ])
      expect(names, kind).toContain(`${kind}.json`);
    const read = (name: string) => JSON.parse(strFromU8(zip[name])) as Record<string, unknown>[];
    expect(read("users.json")).toMatchObject([{ email: p.email, name: `Exported ${p.tag}` }]);
    expect(read("users.json")[0]).not.toHaveProperty("passwordHash");
    expect(read("registrations.json")).toMatchObject([{ email: p.email, status: "REGISTERED", event: { number: event.number } }]);
    expect(read("guest-requests.json")).toMatchObject([{ number: p.guest.number, email: p.email }]);
    expect(read("emails.json").length).toBeGreaterThan(0);
    const files = read("files.json");
    expect(files.map((f) => f.fileName).sort()).toEqual(["leak.png", "notes.txt"]);
    expect(files[0]).not.toHaveProperty("storageKey");
    expect(strFromU8(zip[`files/${p.upload.id}-notes.txt`])).toBe(`notes of ${p.tag}`);
    const png = names.find((n) => n.startsWith("files/") && n.endsWith("-leak.png"))!;
    expect(Buffer.from(zip[png]).equals(PNG_BYTES)).toBe(true);

    // Once: the archive left storage with the download.
    expect(await storage.exists(row.storageKey!)).toBe(false);
    await expect(takePersonExport(t.prisma, storage, actor, id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await listPersonExports(t.prisma, actor, { kind: "email", value: p.email })).toMatchObject([{ id, status: "DOWNLOADED" }]);
    expect(await t.prisma.sensitiveAccess.count({ where: { entityId: id, kind: "PERSON_EXPORT" } })).toBe(2);
  });

  it("is downloadable by the officer who asked only, and asked for by privacy officers only", async () => {
    const asker = (await createStaff(t.prisma, { privacyOfficer: true })).actor;
    const otherOfficer = (await createStaff(t.prisma, { privacyOfficer: true })).actor;
    const plainStaff = (await createStaff(t.prisma)).actor;
    const p = await person();
    const key = { kind: "email" as const, value: p.email };
    await expect(requestPersonExport(t.prisma, plainStaff, key)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(requestPersonExport(t.prisma, p.client.actor, key)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(requestPersonExport(t.prisma, asker, { kind: "email", value: `nobody.${uniqueTag()}@example.test` })).rejects.toBeInstanceOf(NotFoundError);

    const { id } = await requestPersonExport(t.prisma, asker, key);
    await buildPersonExport(t.prisma, storage, id);
    await expect(takePersonExport(t.prisma, storage, otherOfficer, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(takePersonExport(t.prisma, storage, plainStaff, id)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await listPersonExports(t.prisma, otherOfficer, key)).toEqual([]);
    // Still there for the one who asked.
    expect((await takePersonExport(t.prisma, storage, asker, id)).body.byteLength).toBeGreaterThan(100);
  });

  it("two downloads at once: one gets the archive, the other nothing", async () => {
    const { actor } = await createStaff(t.prisma, { privacyOfficer: true });
    const p = await person();
    const { id } = await requestPersonExport(t.prisma, actor, { kind: "email", value: p.email });
    await buildPersonExport(t.prisma, storage, id);
    const results = await Promise.allSettled([takePersonExport(t.prisma, storage, actor, id), takePersonExport(t.prisma, storage, actor, id)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("an erasure discards an export nobody downloaded", async () => {
    const { actor } = await createStaff(t.prisma, { privacyOfficer: true });
    const p = await person();
    await t.prisma.guestRequest.updateMany({ where: { email: p.email }, data: { status: "CLOSED" } });
    const { id } = await requestPersonExport(t.prisma, actor, { kind: "email", value: p.email });
    await buildPersonExport(t.prisma, storage, id);
    const { storageKey } = await t.prisma.personExport.findUniqueOrThrow({ where: { id } });
    setClock(new Date(event.endsAt.getTime() + 1000));
    try {
      await erasePerson(t.prisma, storage, actor, { kind: "email", value: p.email }, { confirm: p.email });
    } finally {
      setClock(null);
    }
    expect(await storage.exists(storageKey!)).toBe(false);
    expect(await t.prisma.personExport.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "DISCARDED", storageKey: null, subject: "[erased]" });
    await expect(takePersonExport(t.prisma, storage, actor, id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("is built by the sweep when its job never arrived, and failed when its worker died, never left waiting", async () => {
    const { actor } = await createStaff(t.prisma, { privacyOfficer: true });
    const p = await person();
    const start = new Date("2031-02-01T10:00:00Z");
    setClock(start);
    try {
      // Asked for, but the job was never queued (the queue was unreachable).
      const lost = await requestPersonExport(t.prisma, actor, { kind: "email", value: p.email });
      // Another, claimed by a worker that then died.
      const dead = await requestPersonExport(t.prisma, actor, { kind: "email", value: p.email });
      await t.prisma.personExport.update({ where: { id: dead.id }, data: { status: "RUNNING", progress: 40, startedAt: start } });

      // Within the grace period the sweep leaves both to their jobs.
      setClock(new Date(start.getTime() + 60_000));
      expect(await resumeStalledExports(t.prisma, storage)).toEqual({ built: 0, failed: 0 });
      setClock(new Date(start.getTime() + 3 * 60_000));
      expect(await resumeStalledExports(t.prisma, storage)).toEqual({ built: 1, failed: 0 });
      expect(await t.prisma.personExport.findUniqueOrThrow({ where: { id: lost.id }, select: { status: true } })).toEqual({ status: "READY" });
      expect(await t.prisma.personExport.findUniqueOrThrow({ where: { id: dead.id }, select: { status: true } })).toEqual({ status: "RUNNING" });
      // An hour on, the running one is given up: the officer sees it failed and asks again.
      setClock(new Date(start.getTime() + 61 * 60_000));
      expect(await resumeStalledExports(t.prisma, storage)).toEqual({ built: 0, failed: 1 });
      expect(await t.prisma.personExport.findUniqueOrThrow({ where: { id: dead.id }, select: { status: true } })).toEqual({ status: "FAILED" });

      // An old request claimed only now (the workers were down for hours) is building, not dead.
      const late = await requestPersonExport(t.prisma, actor, { kind: "email", value: p.email });
      setClock(new Date(start.getTime() + 5 * 60 * 60_000));
      await t.prisma.personExport.update({
        where: { id: late.id },
        data: { status: "RUNNING", progress: 10, startedAt: new Date(start.getTime() + 5 * 60 * 60_000 - 60_000) },
      });
      expect(await resumeStalledExports(t.prisma, storage)).toEqual({ built: 0, failed: 0 });
      expect(await t.prisma.personExport.findUniqueOrThrow({ where: { id: late.id }, select: { status: true } })).toEqual({ status: "RUNNING" });
    } finally {
      setClock(null);
    }
  });
});
