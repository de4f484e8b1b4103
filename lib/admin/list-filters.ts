// Filters of the admin lists live in the URL next to ?q= and ?page=; unknown
// values are ignored rather than rejected, so an edited URL still shows a list.
import { first, type SearchParams } from "@/lib/pagination";

/** ?status=active|inactive → the `active` column's value, or undefined for all. */
export function parseStatus(params: SearchParams): boolean | undefined {
  const status = first(params.status);
  return status === "active" ? true : status === "inactive" ? false : undefined;
}

/** ?key=VALUE where VALUE is one of a Prisma enum's values, else undefined. */
export function parseEnumParam<E extends Record<string, string>>(params: SearchParams, key: string, values: E): E[keyof E] | undefined {
  const value = first(params[key]);
  return value && (Object.values(values) as string[]).includes(value) ? (value as E[keyof E]) : undefined;
}
