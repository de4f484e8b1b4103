// What every server action returns to its form: success, or field errors and a
// form-level error as message keys, so the form keeps the user's input and
// shows translated messages next to the fields.
import type { z } from "zod";
import { DomainError, ValidationError } from "@/lib/errors";

export interface MessageRef {
  key: string;
  values?: Record<string, string | number>;
}

export type ActionResult<T = undefined> =
  { ok: true; data?: T; message?: MessageRef } | { ok: false; fieldErrors?: Record<string, string>; formError?: MessageRef };

export function zodFieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.join(".");
    fields[path] ??= issue.message;
  }
  return fields;
}

export function invalid(error: z.ZodError): ActionResult<never> {
  return { ok: false, fieldErrors: zodFieldErrors(error), formError: { key: "common.fixErrors" } };
}

/** Turns expected domain errors into a form result; unexpected ones are rethrown. */
export function fromDomainError(error: unknown): ActionResult<never> {
  if (error instanceof ValidationError) return { ok: false, fieldErrors: error.fields, formError: { key: error.key } };
  if (error instanceof DomainError) return { ok: false, formError: { key: error.key, values: error.values } };
  throw error;
}
