// Guest portal test helpers: an enabled portal with a configuration, multipart
// submissions as the public form sends them, a submitted request, and a
// minimal ticket type to open requests into.
import type { Db, DbOrTx } from "@/lib/db";
import { DEFAULT_GUEST_PORTAL_FIELDS, type GuestPortalFields } from "@/lib/guests/config";
import { issueGuestFormToken } from "@/lib/guests/form-token";
import { newGuestPortalToken } from "@/lib/guests/portal";
import { submitGuestRequest, type GuestSubmissionResult } from "@/lib/guests/submit-request";
import type { FileStorage } from "@/lib/storage";
import { uniqueTag } from "./factories";
import { solveChallenge } from "./proof-of-work";

/** A 1×1 PNG: real image bytes, accepted by the upload sniffing. */
export const PNG_BYTES = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");

export function pngFile(name = "photo.png"): File {
  return new File([PNG_BYTES], name, { type: "image/png" });
}

export function guestFields(change: (fields: GuestPortalFields) => void = () => {}): GuestPortalFields {
  const fields = structuredClone(DEFAULT_GUEST_PORTAL_FIELDS);
  change(fields);
  return fields;
}

/** The portal row, enabled, with a fresh link (replacing any earlier configuration). */
export async function enableGuestPortal(db: DbOrTx, fields: GuestPortalFields = guestFields(), options: { enabled?: boolean; welcomeText?: string } = {}) {
  const data = { enabled: options.enabled ?? true, token: newGuestPortalToken(), fields, welcomeText: options.welcomeText ?? "" };
  const row = await db.guestPortal.upsert({ where: { id: "default" }, create: { id: "default", ...data }, update: data });
  return row.token;
}

/** A form token issued long enough ago for the timing check. */
export const seasonedFormToken = (secondsAgo = 10) => issueGuestFormToken(new Date(Date.now() - secondsAgo * 1000));

export type FormEntries = Record<string, string | File | File[] | undefined>;

export function multipartRequest(entries: FormEntries, headers: Record<string, string> = {}): Request {
  const form = new FormData();
  for (const [name, value] of Object.entries(entries)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) form.append(name, v);
  }
  return new Request("http://localhost/api/guest/x", { method: "POST", body: form, headers });
}

let ipCounter = 0;
/** A distinct address per call, so tests do not share a per-IP counter unless they want to. */
export const freshIp = () => `198.51.${Math.floor(++ipCounter / 250) % 250}.${(ipCounter % 250) + 1}`;

export interface SubmitOptions {
  portalToken: string;
  ip?: string;
  locale?: string;
  formToken?: string;
  /** The proof-of-work answer; by default a fresh challenge is solved as the browser does. */
  altcha?: string;
}

export async function submit(db: Db, storage: FileStorage, entries: FormEntries, options: SubmitOptions): Promise<GuestSubmissionResult> {
  const altcha = options.altcha ?? (await solveChallenge(db, "guest-request"));
  const request = multipartRequest({ formToken: options.formToken ?? seasonedFormToken(), altcha, ...entries });
  return submitGuestRequest(db, storage, { portalToken: options.portalToken, ip: options.ip ?? freshIp(), locale: options.locale ?? "en", request });
}

/** A group, an active type and its first stage: what opening a request needs. */
export async function createTicketType(db: DbOrTx, overrides: { groupActive?: boolean; typeActive?: boolean } = {}) {
  const tag = uniqueTag();
  const group = await db.ticketGroup.create({ data: { name: `Support ${tag}`, active: overrides.groupActive ?? true } });
  const type = await db.ticketType.create({ data: { name: `Incident ${tag}`, groupId: group.id, active: overrides.typeActive ?? true } });
  const first = await db.ticketStage.create({ data: { typeId: type.id, name: "Triage", position: 0, responsible: "STAFF" } });
  await db.ticketStage.create({ data: { typeId: type.id, name: "Done", position: 1, responsible: "STAFF", terminal: true } });
  return { group, type, first };
}
