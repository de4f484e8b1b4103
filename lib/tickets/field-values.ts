// A parameter's value by its kind: text, number, ISO date, one option, several
// options, yes/no. Empty input means "no value" (the row is removed).
import { z } from "zod";
import { TicketFieldKind } from "@/lib/generated/prisma/enums";
import type { FieldDefinition } from "./field-rules";
import { isEmptyValue } from "./field-rules";

export type FieldValue = string | number | boolean | string[];

const isoDate = z.iso.date("validation.invalid");

function schemaFor(field: Pick<FieldDefinition, "kind" | "options">): z.ZodType<FieldValue> {
  const option = z.string().refine((v) => field.options.includes(v), "validation.invalid");
  switch (field.kind) {
    case TicketFieldKind.SHORT_TEXT:
      return z.string().trim().max(500, "validation.tooLong");
    case TicketFieldKind.LONG_TEXT:
      return z.string().trim().max(20_000, "validation.tooLong");
    case TicketFieldKind.NUMBER:
      return z.coerce.number("validation.invalid").refine(Number.isFinite, "validation.invalid");
    case TicketFieldKind.DATE:
      return isoDate;
    case TicketFieldKind.SINGLE_CHOICE:
      return option;
    case TicketFieldKind.MULTIPLE_CHOICE:
      return z.array(option).transform((v) => [...new Set(v)]);
    case TicketFieldKind.YES_NO:
      return z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]);
  }
}

/** The stored value, null for "empty", or the message key of the problem. */
export function parseFieldValue(
  field: Pick<FieldDefinition, "kind" | "options">,
  raw: unknown,
): { ok: true; value: FieldValue | null } | { ok: false; error: string } {
  if (isEmptyValue(raw)) return { ok: true, value: null };
  const parsed = schemaFor(field).safeParse(raw);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "validation.invalid" };
  return { ok: true, value: isEmptyValue(parsed.data) ? null : parsed.data };
}
