// Template props as stored on an outbox row (a JSON column): the sender renders
// the message later, in another process, so dates must come back as dates.
// A Date is written as {"$date": "<ISO>"}; nothing else needs tagging.
import type { Prisma } from "@/lib/generated/prisma/client";

const DATE_TAG = "$date";

export function encodeProps(props: unknown): Prisma.InputJsonValue {
  return JSON.parse(stringifyProps(props)) as Prisma.InputJsonValue;
}

/** The same as JSON text, for a jsonb parameter of a raw statement. */
export function stringifyProps(props: unknown): string {
  return JSON.stringify(props, function (key, value) {
    // JSON.stringify has already called Date#toJSON on `value`; read the original.
    const original: unknown = (this as Record<string, unknown>)[key];
    return original instanceof Date ? { [DATE_TAG]: original.toISOString() } : value;
  });
}

export function decodeProps<P>(stored: unknown): P {
  return revive(stored) as P;
}

function revive(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(revive);
  if (value && typeof value === "object") {
    const entries = Object.entries(value);
    if (entries.length === 1 && entries[0][0] === DATE_TAG && typeof entries[0][1] === "string") return new Date(entries[0][1]);
    return Object.fromEntries(entries.map(([k, v]) => [k, revive(v)]));
  }
  return value;
}
