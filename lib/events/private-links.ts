// A public registrant's private links (view, cancel, join, certificate). Only
// SHA-256 hashes are stored: the first link's on the registration itself, every
// later one in RegistrationLink. Later links are issued by "send me my link
// again" on the event page and for each status e-mail to a public registrant,
// and every link issued stays valid: a new e-mail never breaks a link the
// person already holds (they may have bookmarked the first one), and since new
// links only ever go to the registration's own address, issuing one gives
// nobody else a way in.
// No "server-only" marker: the standalone worker sends status e-mails through this.
import type { DbOrTx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { hashAccessToken, newAccessToken, privateRegistrationUrl } from "./seat-lock";

/** Tokens longer than this are not ours: they are refused before any hashing or lookup. */
export const MAX_TOKEN_LENGTH = 200;

export function isPlausibleToken(token: unknown): token is string {
  return typeof token === "string" && token.length > 0 && token.length <= MAX_TOKEN_LENGTH;
}

/** The registration this token opens: by its first link or by any later one. */
export function registrationByToken(token: string): Prisma.RegistrationWhereInput {
  const hash = hashAccessToken(token);
  return { OR: [{ accessTokenHash: hash }, { links: { some: { tokenHash: hash } } }] };
}

/** Whether `token` opens this registration (already loaded by id). */
export async function tokenOpens(db: DbOrTx, registration: { id: string; accessTokenHash: string | null }, token: string): Promise<boolean> {
  if (!isPlausibleToken(token)) return false;
  const hash = hashAccessToken(token);
  if (registration.accessTokenHash === hash) return true;
  return (await db.registrationLink.count({ where: { registrationId: registration.id, tokenHash: hash } })) > 0;
}

/** A fresh private link to this registration, stored as a hash beside the others; returns the raw token once. */
export async function issuePrivateLink(tx: DbOrTx, registrationId: string): Promise<string> {
  const { token, hash } = newAccessToken();
  await tx.registrationLink.create({ data: { registrationId, tokenHash: hash }, select: { id: true } });
  return token;
}

/**
 * Fresh private links for many registrations at once (a status e-mail to a whole
 * event): one insert, the raw tokens by registration id.
 */
export async function issuePrivateLinks(tx: DbOrTx, registrationIds: string[]): Promise<Map<string, string>> {
  const issued = registrationIds.map((registrationId) => ({ registrationId, ...newAccessToken() }));
  if (issued.length) await tx.registrationLink.createMany({ data: issued.map((i) => ({ registrationId: i.registrationId, tokenHash: i.hash })) });
  return new Map(issued.map((i) => [i.registrationId, i.token]));
}

export { privateRegistrationUrl };
