// General parameters ("parâmetros gerais"): typed keys over the Setting table.
// Each key has a zod schema; a stored value that no longer parses reads as
// unset rather than breaking the pages that depend on it.
import { z } from "zod";
import type { DbOrTx } from "@/lib/db";
import { reminderScheduleSchema } from "@/lib/events/reminder-schedule";
import { ContactModule } from "@/lib/generated/prisma/enums";
import { retentionSchema } from "@/lib/privacy/retention-schema";
import { nationalIdSettingSchema } from "./national-id-schema";

const generalSettings = {
  /** The attendant through whom the portal's ticket movements are recorded. */
  "tickets.defaultAttendantId": z.uuid(),
  /** Whether "Contact us" works with module Central or CRM. */
  "contacts.module": z.enum(ContactModule),
  /** Which national id people are asked for: CPF, none, or another with its own label. */
  "identity.nationalId": nationalIdSettingSchema,
  /** When participants are reminded of events: offsets before the start and the hour of the day-based ones. */
  "events.reminderSchedule": reminderScheduleSchema,
  /** How long personal and technical records are kept (lib/privacy/retention.ts). */
  "privacy.retention": retentionSchema,
} as const;

export type GeneralSettingKey = keyof typeof generalSettings;
export type GeneralSettingValue<K extends GeneralSettingKey> = z.infer<(typeof generalSettings)[K]>;

export async function getSetting<K extends GeneralSettingKey>(db: DbOrTx, key: K): Promise<GeneralSettingValue<K> | null> {
  const row = await db.setting.findUnique({ where: { key }, select: { value: true } });
  if (!row) return null;
  const parsed = generalSettings[key].safeParse(row.value);
  return parsed.success ? (parsed.data as GeneralSettingValue<K>) : null;
}

/** Stores a value (validated by the key's schema); null removes it. Authorization is the caller's. */
export async function setSetting<K extends GeneralSettingKey>(db: DbOrTx, key: K, value: GeneralSettingValue<K> | null): Promise<void> {
  if (value === null) {
    await db.setting.deleteMany({ where: { key } });
    return;
  }
  const json = generalSettings[key].parse(value);
  await db.setting.upsert({ where: { key }, create: { key, value: json }, update: { value: json } });
}
