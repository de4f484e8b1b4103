import { z } from "zod";

/**
 * A record id bound to a server action by the page. Rows use UUID keys; any
 * 8-4-4-4-12 hex string is accepted (ids written by hand in fixtures need not
 * carry an RFC version digit). Whether the record exists, and whether the
 * caller may touch it, is the domain function's question.
 */
export const recordId = z.guid();

/**
 * The number a person reads on a contact or guest request (#42), bound by the
 * page where those records are addressed by it.
 */
export const recordNumber = z.number().int().positive().max(2_147_483_647);
