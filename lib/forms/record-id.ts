import { z } from "zod";

/**
 * A record id bound to a server action by the page. Rows use UUID keys; any
 * 8-4-4-4-12 hex string is accepted (ids written by hand in fixtures need not
 * carry an RFC version digit). Whether the record exists, and whether the
 * caller may touch it, is the domain function's question.
 */
export const recordId = z.guid();
