// Parameter values between the stored shape (lib/tickets/field-values.ts:
// string, number, boolean, string[]) and form inputs (strings, and string[]
// for multiple choice). Only editable fields are sent: the server refuses a
// changed value for any other field.
import { TicketFieldKind } from "@/lib/generated/prisma/enums";
import type { TicketFieldView } from "@/lib/tickets/views";

export type FieldFormValue = string | string[];
export type FieldFormValues = Record<string, FieldFormValue>;

export function toFormValue(field: Pick<TicketFieldView, "kind" | "value">): FieldFormValue {
  const v = field.value;
  if (field.kind === TicketFieldKind.MULTIPLE_CHOICE) return Array.isArray(v) ? v.map(String) : [];
  if (v === null || v === undefined) return "";
  if (typeof v === "boolean") return v ? "true" : "false";
  return String(v);
}

/** Form defaults for the editable fields, keyed by field id. */
export function fieldFormDefaults(fields: TicketFieldView[]): FieldFormValues {
  return Object.fromEntries(fields.filter((f) => f.editable).map((f) => [f.id, toFormValue(f)]));
}

/** What the server receives: editable fields only, as typed (the server parses by kind). */
export function editableValues(fields: TicketFieldView[], values: FieldFormValues | undefined): Record<string, FieldFormValue> {
  const out: Record<string, FieldFormValue> = {};
  for (const f of fields) if (f.editable) out[f.id] = values?.[f.id] ?? (f.kind === TicketFieldKind.MULTIPLE_CHOICE ? [] : "");
  return out;
}
