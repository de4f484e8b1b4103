// Wall-clock times in an event's IANA time zone. The event form edits
// "2026-03-01T09:00" as local time *of the event*, not of the browser; these
// convert between that and UTC instants (DST-aware), on client and server.
function offsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** "2026-03-01T09:00" in `timeZone` → the UTC instant; undefined for blank or malformed input. */
export function wallTimeToUtc(wall: string, timeZone: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(wall.trim());
  if (!m) return undefined;
  const guess = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], m[6] ? +m[6] : 0);
  let instant = guess - offsetMs(guess, timeZone);
  // A second pass settles instants next to a DST change.
  instant = guess - offsetMs(instant, timeZone);
  return new Date(instant);
}

/** A UTC instant → "2026-03-01T09:00" in `timeZone`, for <input type="datetime-local">. */
export function utcToWallTime(date: Date | null | undefined, timeZone: string): string {
  if (!date) return "";
  const local = new Date(date.getTime() + offsetMs(date.getTime(), timeZone));
  return local.toISOString().slice(0, 16);
}

/** "2026-03-01 09:00" in `timeZone`, for CSV exports (sortable, unambiguous). */
export function formatInZone(date: Date | null | undefined, timeZone: string): string {
  return date ? utcToWallTime(date, timeZone).replace("T", " ") : "";
}
