// What the ticket settings actions share: the pages' base path (a change
// revalidates every page under it: a stage or field change shows on several
// sub-pages) and the schemas of the arguments the pages bind.
import "server-only";
import { z } from "zod";
import { recordId } from "@/lib/forms/record-id";

export const SETTINGS_BASE = "/admin/settings/tickets";
export const typePath = (typeId: string) => `${SETTINGS_BASE}/types/${typeId}`;

/** The bound id of the record being edited; absent when creating. */
export const existingId = recordId.optional();
/** Where a reorder button moves its row. */
export const direction = z.enum(["up", "down"]);
