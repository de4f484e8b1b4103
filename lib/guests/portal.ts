// The guest portal's one configuration row ("Configuration > Guest Portal"):
// on/off, the form's fields, a welcome text and the shared link's
// secret. Created lazily, disabled, with a fresh token. Admins only; the public
// side reads it through findPublicGuestPortal.
import "server-only";
import { randomBytes } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { assertAdmin } from "@/lib/auth/actor";
import type { DbOrTx } from "@/lib/db";
import { fieldsFromSettings, guestPortalSettingsSchema, parseGuestPortalFields, type GuestPortalFields, type GuestPortalSettings } from "./config";

const PORTAL_ID = "default";

/** 256 random bits, URL-safe: the link cannot be guessed. */
export function newGuestPortalToken(): string {
  return randomBytes(32).toString("base64url");
}

export interface GuestPortalView {
  enabled: boolean;
  welcomeText: string;
  fields: GuestPortalFields;
  token: string;
}

async function ensurePortal(db: DbOrTx) {
  // upsert: two first visits at once still make one row.
  const row = await db.guestPortal.upsert({ where: { id: PORTAL_ID }, create: { id: PORTAL_ID, token: newGuestPortalToken(), enabled: false }, update: {} });
  return { enabled: row.enabled, welcomeText: row.welcomeText, fields: parseGuestPortalFields(row.fields), token: row.token };
}

export async function getGuestPortal(db: DbOrTx, actor: Actor): Promise<GuestPortalView> {
  assertAdmin(actor);
  return ensurePortal(db);
}

export async function saveGuestPortal(db: DbOrTx, actor: Actor, input: GuestPortalSettings): Promise<GuestPortalView> {
  assertAdmin(actor);
  await ensurePortal(db);
  const fields = fieldsFromSettings(guestPortalSettingsSchema.parse(input));
  const row = await db.guestPortal.update({ where: { id: PORTAL_ID }, data: { enabled: input.enabled, welcomeText: input.welcomeText, fields } });
  return { enabled: row.enabled, welcomeText: row.welcomeText, fields, token: row.token };
}

/** A new link; the old one answers "not found" from now on. */
export async function regenerateGuestPortalLink(db: DbOrTx, actor: Actor): Promise<string> {
  assertAdmin(actor);
  await ensurePortal(db);
  const row = await db.guestPortal.update({ where: { id: PORTAL_ID }, data: { token: newGuestPortalToken() }, select: { token: true } });
  return row.token;
}

/** The form behind a shared link, or null for an unknown or old link and a disabled portal (all answer 404). */
export async function findPublicGuestPortal(db: DbOrTx, token: unknown): Promise<{ welcomeText: string; fields: GuestPortalFields } | null> {
  if (typeof token !== "string" || !/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const row = await db.guestPortal.findUnique({ where: { token }, select: { enabled: true, welcomeText: true, fields: true } });
  if (!row?.enabled) return null;
  return { welcomeText: row.welcomeText, fields: parseGuestPortalFields(row.fields) };
}
