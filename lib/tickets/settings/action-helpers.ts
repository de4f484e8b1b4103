// What the ticket settings actions share: the pages' base path, revalidating
// every page under it (a stage or field change shows on several sub-pages),
// and turning expected domain errors into form results.
import "server-only";
import { revalidatePath } from "next/cache";
import { fromDomainError, type ActionResult } from "@/lib/forms/action-result";

export const SETTINGS_BASE = "/admin/settings/tickets";
export const typePath = (typeId: string) => `${SETTINGS_BASE}/types/${typeId}`;

export function revalidateTicketSettings() {
  revalidatePath(SETTINGS_BASE, "layout");
}

/** Runs a domain call; expected errors become a form result, success revalidates the settings pages. */
export async function attempt<T>(run: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; result: ActionResult<never> }> {
  try {
    const value = await run();
    revalidateTicketSettings();
    return { ok: true, value };
  } catch (error) {
    return { ok: false, result: fromDomainError(error) };
  }
}

export const idOrNew = (id: unknown) => (typeof id === "string" ? id : undefined);
export const direction = (d: unknown) => (d === "up" ? "up" : "down");
