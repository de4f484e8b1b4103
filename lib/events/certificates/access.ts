// Reading certificates: the public verification (name, event,
// dates, hours — never the CPF) and downloads, each scoped to who may have it:
// the portal user of the registration or staff, or the holder of a public
// registrant's private link. Someone else's certificate answers "not found".
import "server-only";
import { isStaff, type Actor } from "@/lib/auth/actor";
import type { DbOrTx } from "@/lib/db";
import { isUuid } from "@/lib/db/query-guards";
import { NotFoundError } from "@/lib/errors";
import type { FileStorage, StoredObject } from "@/lib/storage";
import { getNationalIdSetting } from "@/lib/settings/national-id";
import { registrationByToken } from "../private-links";
import { certificateFileName } from "./issue";

/** What the public verification page may show: deliberately no CPF, no e-mail. */
const publicSelect = {
  code: true,
  participantName: true,
  eventName: true,
  eventStartsAt: true,
  eventEndsAt: true,
  eventTimeZone: true,
  hours: true,
  issuedAt: true,
  revokedForPrivacyAt: true,
} as const;

export type VerifiedCertificate = {
  code: string;
  participantName: string;
  eventName: string;
  eventStartsAt: Date;
  eventEndsAt: Date;
  eventTimeZone: string;
  hours: number | null;
  issuedAt: Date;
  /** The participant was erased: the code still answers, naming no one. */
  revokedForPrivacy: boolean;
};

export async function verifyCertificate(db: DbOrTx, code: string): Promise<VerifiedCertificate | null> {
  const normalized = code.trim().toUpperCase();
  if (!/^[A-Z0-9]{6,32}$/.test(normalized)) return null;
  const row = await db.certificate.findUnique({ where: { code: normalized }, select: publicSelect });
  if (!row) return null;
  const { revokedForPrivacyAt, ...shown } = row;
  return { ...shown, hours: row.hours === null ? null : Number(row.hours), revokedForPrivacy: revokedForPrivacyAt !== null };
}

export interface CertificateDownload {
  fileName: string;
  object: StoredObject;
}

const downloadSelect = { id: true, code: true, storageKey: true, registration: { select: { userId: true, event: { select: { number: true } } } } } as const;

async function open(
  storage: FileStorage,
  row: { code: string; storageKey: string; registration: { event: { number: number } } },
): Promise<CertificateDownload> {
  const object = await storage.get(row.storageKey);
  if (!object) throw new NotFoundError("errors.notFoundBody");
  return { fileName: certificateFileName(row.registration.event.number, row.code), object };
}

/** A certificate for its portal user or staff. */
export async function openCertificate(db: DbOrTx, storage: FileStorage, actor: Actor, id: string): Promise<CertificateDownload> {
  const row = isUuid(id) ? await db.certificate.findUnique({ where: { id }, select: downloadSelect }) : null;
  if (!row || !(isStaff(actor) || (row.registration.userId !== null && row.registration.userId === actor.userId)))
    throw new NotFoundError("errors.notFoundBody");
  return open(storage, row);
}

/** A public registrant's certificate, by the token of their private link. */
export async function openCertificateByToken(db: DbOrTx, storage: FileStorage, token: string): Promise<CertificateDownload> {
  const row =
    token && token.length <= 200 ? await db.certificate.findFirst({ where: { registration: registrationByToken(token) }, select: downloadSelect }) : null;
  if (!row) throw new NotFoundError("errors.notFoundBody");
  return open(storage, row);
}

/** For the private-link page: whether a certificate exists, and whether a CPF is still missing for one. */
export async function certificateStateForToken(db: DbOrTx, token: string): Promise<{ issued: boolean; needsCpf: boolean }> {
  if (!token || token.length > 200) return { issued: false, needsCpf: false };
  const row = await db.registration.findFirst({
    where: registrationByToken(token),
    select: { cpf: true, status: true, certificate: { select: { id: true } }, event: { select: { certificateTemplateId: true, status: true } } },
  });
  if (!row) return { issued: false, needsCpf: false };
  const issued = Boolean(row.certificate);
  // An installation that asks for no national id issues without one.
  if ((await getNationalIdSetting(db)).mode === "none") return { issued, needsCpf: false };
  return {
    issued,
    needsCpf: !issued && !row.cpf && row.status === "REGISTERED" && row.event.status !== "CANCELLED" && Boolean(row.event.certificateTemplateId),
  };
}
