// One shape for every server action: the guard (who may call it), the schemas
// of its bound arguments and of its input, the domain call, then what follows a
// success (wake the e-mail sender, revalidate, redirect). Expected domain errors
// become translated field or form errors so the form keeps the user's input;
// anything else is logged once, here, with a reference the user can quote.
import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import { redirect, unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { fromDomainError, invalid, type ActionResult, type MessageRef } from "@/lib/forms/action-result";
import { notifyOutbox } from "@/lib/jobs/notify";

/** A path to revalidate; with "layout", everything under it (revalidatePath's type). */
export type RevalidateTarget = string | [path: string, type: "layout" | "page"];

/** What a successful run hands back to the wrapper. */
export interface ActionOutcome<T> {
  /** Returned to the form as `result.data`. */
  data?: T;
  /** A confirmation for the form to show. */
  message?: MessageRef;
  /** Outbox rows the run wrote: the sender is woken once they are committed. */
  emailIds?: (string | undefined)[];
  /** Paths to revalidate, in addition to the action's own `revalidate`. */
  revalidate?: RevalidateTarget[];
  /** Where to go next (a redirect ends the action; the form never sees a result). */
  redirectTo?: string;
}

type Infer<S> = S extends z.ZodType ? z.infer<S> : undefined;

export interface ActionDefinition<Actor, Args extends z.ZodType[], Input extends z.ZodType | undefined, T> {
  /** For the log line of an unexpected error. */
  name: string;
  /** Resolves the caller, or redirects/forbids (requireAdmin, requireStaff…; a public action returns null). */
  guard: () => Promise<Actor>;
  /** Schemas of the arguments bound by the page (record ids, tokens), in order. */
  args?: [...Args];
  /** The form's schema: the same one the browser validates with. */
  input?: Input;
  run: (context: { actor: Actor; args: { [K in keyof Args]: z.infer<Args[K]> }; input: Infer<Input> }) => Promise<ActionOutcome<T> | void>;
  /** Paths to revalidate after every success. */
  revalidate?: RevalidateTarget[];
}

type ActionArgs<Args extends z.ZodType[], Input> = Input extends z.ZodType
  ? [...{ [K in keyof Args]: z.input<Args[K]> }, z.input<Input>]
  : { [K in keyof Args]: z.input<Args[K]> };

export function defineAction<Actor, const Args extends z.ZodType[] = [], Input extends z.ZodType | undefined = undefined, T = undefined>(
  definition: ActionDefinition<Actor, Args, Input, T>,
): (...callArgs: ActionArgs<Args, Input>) => Promise<ActionResult<T>> {
  return async (...callArgs) => {
    const actor = await definition.guard();
    const argSchemas = definition.args ?? [];
    const args: unknown[] = [];
    for (const [index, schema] of argSchemas.entries()) {
      const parsed = schema.safeParse(callArgs[index]);
      // A bound argument is set by the page, not typed by the user: a bad one is a forged call.
      if (!parsed.success) return { ok: false, formError: { key: "common.genericError" } };
      args.push(parsed.data);
    }
    let input: unknown = undefined;
    if (definition.input) {
      const parsed = definition.input.safeParse(callArgs[argSchemas.length]);
      if (!parsed.success) return invalid(parsed.error);
      input = parsed.data;
    }

    let outcome: ActionOutcome<T> | void;
    try {
      outcome = await definition.run({ actor, args: args as never, input: input as never });
    } catch (error) {
      // redirect(), notFound() and forbidden() inside the run are navigation, not failures.
      unstable_rethrow(error);
      try {
        return fromDomainError(error);
      } catch {
        return unexpected(definition.name, error);
      }
    }

    await notifyOutbox(outcome?.emailIds ?? []);
    for (const target of [...(definition.revalidate ?? []), ...(outcome?.revalidate ?? [])]) {
      if (typeof target === "string") revalidatePath(target);
      else revalidatePath(...target);
    }
    if (outcome?.redirectTo) redirect(outcome.redirectTo);
    return { ok: true, data: outcome?.data, message: outcome?.message };
  };
}

/** The guard of an action anyone may call (sign-in, public forms): no actor. */
export async function anyone(): Promise<null> {
  return null;
}

function unexpected(name: string, error: unknown): ActionResult<never> {
  const ref = randomUUID().slice(0, 8);
  console.error(`[action ${name}] unexpected error (ref ${ref})`, error);
  return { ok: false, formError: { key: "common.unexpectedError", values: { ref } } };
}
