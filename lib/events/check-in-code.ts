// A registration's check-in code, the text its QR code carries: the event's
// number, a hyphen and ten letters ("57-K7QXM2PA9T"). The letters are an HMAC
// of the registration's id under a secret kept in the database, so a code
// cannot be guessed from anything a participant sees (ids, the private link),
// needs no column of its own, and exists the moment the registration does —
// also for registrations written in one SQL statement. The event's number in
// front lets the check-in page tell "this code is for another event" from a
// mistyped one, and the letters are checked against that event's registrations only.
// No "server-only" marker: the e-mail sender (also in the standalone worker) draws the code.
import { createHmac, randomBytes } from "node:crypto";
import type { DbOrTx } from "@/lib/db";

const SECRET_KEY = "events.checkInSecret";
/** Base32 without look-alikes (0/O, 1/I), as certificate codes. */
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
const TAG_LENGTH = 10;

/** Reads and writes the secret: Prisma pages and the e-mail sender's raw SQL session both qualify. */
interface SecretStore {
  read(): Promise<string | null>;
  /** Stores `value` unless a secret exists already (another process may have won). */
  create(value: string): Promise<void>;
}

export function prismaSecretStore(db: DbOrTx): SecretStore {
  return {
    read: async () => {
      const row = await db.setting.findUnique({ where: { key: SECRET_KEY }, select: { value: true } });
      return typeof row?.value === "string" ? row.value : null;
    },
    create: async (value) => {
      await db.setting.createMany({ data: [{ key: SECRET_KEY, value }], skipDuplicates: true });
    },
  };
}

export function sqlSecretStore(sql: { query<T>(text: string, params?: unknown[]): Promise<T[]> }): SecretStore {
  return {
    read: async () => {
      const [row] = await sql.query<{ value: unknown }>(`SELECT value FROM "Setting" WHERE key = $1`, [SECRET_KEY]);
      return typeof row?.value === "string" ? row.value : null;
    },
    create: async (value) => {
      await sql.query(`INSERT INTO "Setting" (key, value, "updatedAt") VALUES ($1, $2::jsonb, now()) ON CONFLICT (key) DO NOTHING`, [
        SECRET_KEY,
        JSON.stringify(value),
      ]);
    },
  };
}

/** The installation's secret, made on first use (the migration makes one too). */
export async function checkInSecret(store: SecretStore): Promise<string> {
  const existing = await store.read();
  if (existing) return existing;
  await store.create(randomBytes(32).toString("base64url"));
  const secret = await store.read();
  if (!secret) throw new Error("The check-in secret could not be stored");
  return secret;
}

function tag(secret: string, registrationId: string): string {
  const mac = createHmac("sha256", secret).update(`check-in:${registrationId}`).digest();
  let out = "";
  for (let i = 0; i < TAG_LENGTH; i++) out += ALPHABET[mac[i] & 31];
  return out;
}

export function checkInCode(secret: string, eventNumber: number, registrationId: string): string {
  return `${eventNumber}-${tag(secret, registrationId)}`;
}

/**
 * A typed or scanned code read leniently (case, spaces and hyphens do not
 * matter): the event number in front and the ten letters at the end; null
 * when it cannot be a check-in code at all.
 */
export function parseCheckInCode(input: string): { eventNumber: number; tag: string } | null {
  const compact = input
    .toUpperCase()
    .replace(/[\s\-–·.]/g, "")
    .slice(0, 40);
  if (compact.length <= TAG_LENGTH) return null;
  const head = compact.slice(0, -TAG_LENGTH);
  const letters = compact.slice(-TAG_LENGTH);
  if (!/^\d{1,10}$/.test(head) || ![...letters].every((c) => ALPHABET.includes(c))) return null;
  const eventNumber = Number(head);
  if (eventNumber <= 0 || eventNumber > 2_147_483_647) return null;
  return { eventNumber, tag: letters };
}

/** Which of these registrations the letters name, if any (checked against each in turn). */
export function matchCheckInTag(secret: string, letters: string, registrationIds: readonly string[]): string | null {
  return registrationIds.find((id) => tag(secret, id) === letters) ?? null;
}
