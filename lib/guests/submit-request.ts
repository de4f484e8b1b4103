// A guest portal submission (people without an account create work requests
// through the shared link). Everything a public form needs happens
// here, in the order that keeps abuse cheap: the per-address limit before the
// body is read, the body read up to a limit, the honeypot and the signed form
// token, the proof of work (lib/security/proof-of-work.ts: its difficulty rises
// with the submissions of the last hour, so a flood from many addresses makes
// each submission dearer rather than locking people out), the configured fields
// (the same schema as the browser's), the files' bytes, then one transaction
// for the request, its files and the receipt e-mail. The route handler only adapts HTTP.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/query-guards";
import { zodFieldErrors } from "@/lib/forms/action-result";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isLocale } from "@/lib/i18n/config";
import { consentFor, currentNotice, type Consent } from "@/lib/privacy/notice";
import { readFormData } from "@/lib/http/read-body";
import { checkProofOfWork, POW_FIELD, powRefusalMessage } from "@/lib/security/proof-of-work";
import { hitRateLimit } from "@/lib/security/rate-limit";
import { saveUpload, uploadMaxBytes, validateUpload, type FileStorage, type SavedUpload } from "@/lib/storage";
import { GUEST_MAX_FILES, type GuestPortalFields } from "./config";
import { checkGuestFormToken } from "./form-token";
import { GUEST_RATE_KEYS, guestRateLimits } from "./limits";
import { findPublicGuestPortal } from "./portal";
import { buildGuestRequestSchema, type GuestRequestValues } from "./request-schema";
import { mailGuestReceipt } from "./requester-mail";
import { guestStatusPath, guestStatusToken, hashGuestStatusToken } from "./status-token";

export interface GuestSubmissionInput {
  portalToken: string;
  ip: string;
  /** The visitor's language: the e-mails about the request use it. */
  locale: string;
  request: Request;
}

type GuestSubmissionBody =
  { number: number; statusPath: string } | { error: string; values?: Record<string, string | number>; fields?: Record<string, string> };

export interface GuestSubmissionResult {
  status: number;
  body: GuestSubmissionBody;
  /** Outbox rows to deliver after the response (notifyOutbox). */
  emailIds: string[];
}

const refuse = (status: number, error: string, extra: { values?: Record<string, number>; fields?: Record<string, string> } = {}): GuestSubmissionResult => ({
  status,
  body: { error, ...extra },
  emailIds: [],
});

const minutes = (ms: number) => ({ minutes: Math.max(1, Math.ceil(ms / 60_000)) });

/** The largest request the form can legitimately send: its files plus the text fields. */
function maxGuestRequestBytes(): number {
  return GUEST_MAX_FILES * uploadMaxBytes() + 256 * 1024;
}

export async function submitGuestRequest(db: Db, storage: FileStorage, input: GuestSubmissionInput): Promise<GuestSubmissionResult> {
  const limits = guestRateLimits();
  const perIp = await hitRateLimit(db, GUEST_RATE_KEYS.ip(input.ip), limits.perIp);
  if (!perIp.allowed) return refuse(429, "guests.errors.rateLimited", { values: minutes(perIp.retryAfterMs) });

  const portal = await findPublicGuestPortal(db, input.portalToken);
  if (!portal) return refuse(404, "errors.notFoundBody");

  const read = await readFormData(input.request, maxGuestRequestBytes());
  if (!read.ok) return read.reason === "tooLarge" ? refuse(413, "guests.errors.tooLarge") : refuse(400, "common.genericError");
  const form = read.form;

  // A filled honeypot is a bot: a plain refusal, nothing stored.
  if (form.get("website")) return refuse(400, "common.genericError");
  const token = checkGuestFormToken(form.get("formToken"));
  if (!token.ok)
    return refuse(400, { invalid: "guests.errors.formInvalid", tooFast: "guests.errors.tooFast", expired: "guests.errors.formExpired" }[token.reason]);

  // A retry or a double click of a request already stored gets the same receipt.
  const earlier = await receiptFor(db, token.nonce);
  if (earlier) return { status: 200, body: earlier, emailIds: [] };

  const proof = await checkProofOfWork(db, "guest-request", form.get(POW_FIELD));
  if (!proof.ok) return refuse(400, powRefusalMessage(proof.reason).key);

  const files = portal.fields.builtIn.attachment.shown ? uploadedFiles(form) : [];
  const notice = await currentNotice(db, input.locale);
  const schema = buildGuestRequestSchema(portal.fields, { maxFileBytes: uploadMaxBytes(), privacyNoticeId: notice?.id });
  const parsed = schema.safeParse(formInput(form, portal.fields, files));
  if (!parsed.success) return refuse(422, "common.fixErrors", { fields: zodFieldErrors(parsed.error) });
  const shownNoticeId = form.get("privacyNoticeId");
  // The schema above already asked for the acceptance of this same notice; this records which version and when.
  const consent: Consent = await consentFor(db, input.locale, {
    privacyNoticeId: typeof shownNoticeId === "string" ? shownNoticeId : undefined,
    acceptPrivacyNotice: parsed.data.acceptPrivacyNotice,
    marketingConsent: parsed.data.marketingConsent,
  });
  const contents = await readFiles(files);
  if (!contents.ok) return refuse(422, "common.fixErrors", { fields: { files: `files.errors.${contents.reason}` } });

  return store(db, storage, { values: parsed.data, fields: portal.fields, files: contents.files, nonce: token.nonce, locale: input.locale, consent });
}

async function receiptFor(db: Db, submissionKey: string) {
  const row = await db.guestRequest.findUnique({ where: { submissionKey }, select: { id: true, number: true } });
  return row ? { number: row.number, statusPath: guestStatusPath(row.id) } : null;
}

/** Non-empty file parts; a browser sends an empty one when nothing was chosen. */
function uploadedFiles(form: FormData): File[] {
  return form.getAll("files").filter((v): v is File => typeof v !== "string" && !(v.size === 0 && v.name === ""));
}

/** The raw form as the schema's input: anything that is not a string (a file in a text field) stays as it is and fails. */
function formInput(form: FormData, fields: GuestPortalFields, files: File[]) {
  const raw = (name: string) => form.get(name) ?? undefined;
  const custom = Object.fromEntries(fields.custom.map((f) => [f.key, raw(`custom.${f.key}`)]));
  const names = ["requesterName", "email", "phone", "location", "asset", "category", "priority", "title", "description"] as const;
  return {
    ...Object.fromEntries(names.map((n) => [n, raw(n)])),
    custom,
    files: files.map((f) => ({ name: f.name, size: f.size })),
    acceptPrivacyNotice: raw("acceptPrivacyNotice"),
    marketingConsent: raw("marketingConsent"),
  };
}

type FileContent = { fileName: string; bytes: Uint8Array };

/** The bytes decide the type (lib/storage): checked for every file before any is stored. */
async function readFiles(files: File[]): Promise<{ ok: true; files: FileContent[] } | { ok: false; reason: string }> {
  const contents: FileContent[] = [];
  for (const file of files) {
    const content = { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
    const check = await validateUpload(content);
    if (!check.ok) return { ok: false, reason: check.reason };
    contents.push(content);
  }
  return { ok: true, files: contents };
}

const RECEIPTS_PER_ADDRESS = { limit: 3, windowMs: 60 * 60 * 1000 };

interface StoreInput {
  values: GuestRequestValues;
  fields: GuestPortalFields;
  files: FileContent[];
  nonce: string;
  locale: string;
  consent: Consent;
}

async function store(db: Db, storage: FileStorage, input: StoreInput): Promise<GuestSubmissionResult> {
  const saved: SavedUpload[] = [];
  try {
    for (const file of input.files) {
      const result = await saveUpload(storage, file);
      if (!result.ok) return refuse(422, "common.fixErrors", { fields: { files: `files.errors.${result.reason}` } });
      const { storageKey, fileName, contentType, size } = result;
      saved.push({ storageKey, fileName, contentType, size });
    }
    const id = randomUUID();
    const { number, emailIds } = await db.$transaction(async (tx) => {
      const fileIds = [];
      for (const file of saved) fileIds.push((await tx.storedFile.create({ data: { ...file, ownerId: null }, select: { id: true } })).id);
      const created = await tx.guestRequest.create({
        data: {
          id,
          ...columns(input.values),
          customValues: customValues(input),
          locale: isLocale(input.locale) ? input.locale : "en",
          statusTokenHash: hashGuestStatusToken(guestStatusToken(id)),
          submissionKey: input.nonce,
          ...input.consent,
          files: { create: fileIds.map((fileId) => ({ fileId })) },
        },
        select: { number: true },
      });
      // Anyone can type any address: a few receipts per address and hour, so the form cannot be used to flood someone's inbox.
      const email = input.values.email?.toLowerCase();
      const receipt = email ? (await hitRateLimit(tx, `guest-receipt:${email}`, RECEIPTS_PER_ADDRESS)).allowed : false;
      return { number: created.number, emailIds: receipt ? await mailGuestReceipt(tx, id) : [] };
    });
    return { status: 201, body: { number, statusPath: guestStatusPath(id) }, emailIds };
  } catch (error) {
    await Promise.all(saved.map((f) => storage.delete(f.storageKey).catch(() => {})));
    // The same form sent twice at once: the other one stored it.
    if (isUniqueViolation(error)) {
      const earlier = await receiptFor(db, input.nonce);
      if (earlier) return { status: 200, body: earlier, emailIds: [] };
    }
    throw error;
  }
}

function columns(v: GuestRequestValues) {
  const { requesterName, email, phone, location, asset, category, priority, title, description } = v;
  return { requesterName, email, phone, location, asset, category, priority, title, description };
}

/** A snapshot of each answered custom field with its label, so renaming a field later keeps old requests readable. */
function customValues({ values, fields }: StoreInput): Prisma.InputJsonValue {
  return fields.custom.filter((f) => f.shown && values.custom[f.key] !== undefined).map((f) => ({ key: f.key, label: f.label, value: values.custom[f.key] }));
}
