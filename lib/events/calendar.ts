// The .ics file of an event (download and e-mail attachment). Times are written in UTC
// ("Z"), which every calendar converts to its viewer's zone without needing a
// VTIMEZONE block; the event's own zone is named in X-WR-TIMEZONE. A cancelled
// event's file says so (STATUS:CANCELLED), so importing it updates the entry.
export interface CalendarEvent {
  id: string;
  number: number;
  name: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  status: "OPEN" | "CONFIRMED" | "CANCELLED";
  location?: string | null;
  url?: string | null;
  updatedAt: Date;
}

const utc = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");

/** RFC 5545 text escaping. */
function text(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

/** UTF-8 length of one code point. */
const utf8Length = (char: string) => {
  const code = char.codePointAt(0)!;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
};

/**
 * Lines longer than 75 octets are folded (RFC 5545 §3.1), never inside a UTF-8
 * sequence. Counts octets as it goes: a long description costs one pass.
 */
function fold(line: string): string {
  const out: string[] = [];
  let current = "";
  let size = 0;
  for (const char of line) {
    const length = utf8Length(char);
    if (size + length > (out.length ? 74 : 75)) {
      out.push(current);
      current = char;
      size = length;
    } else {
      current += char;
      size += length;
    }
  }
  out.push(current);
  return out.join("\r\n ");
}

export function eventCalendar(event: CalendarEvent, options: { host: string; cancelledLabel: string }): string {
  const cancelled = event.status === "CANCELLED";
  return calendarDocument([`METHOD:${cancelled ? "CANCEL" : "PUBLISH"}`, `X-WR-TIMEZONE:${event.timeZone}`, ...vevent(event, options)]);
}

function calendarDocument(lines: string[]): string {
  return ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Portico//Events//EN", "CALSCALE:GREGORIAN", ...lines, "END:VCALENDAR"].map(fold).join("\r\n") + "\r\n";
}

function vevent(event: CalendarEvent & { tentativeLabel?: string }, options: { host: string; cancelledLabel: string }): string[] {
  const cancelled = event.status === "CANCELLED";
  const summary = cancelled ? `${options.cancelledLabel}: ${event.name}` : event.tentativeLabel ? `${event.tentativeLabel}: ${event.name}` : event.name;
  return [
    "BEGIN:VEVENT",
    `UID:event-${event.id}@${options.host}`,
    `DTSTAMP:${utc(event.updatedAt)}`,
    `SEQUENCE:${Math.floor(event.updatedAt.getTime() / 1000)}`,
    `DTSTART:${utc(event.startsAt)}`,
    `DTEND:${utc(event.endsAt)}`,
    `SUMMARY:${text(summary)}`,
    `STATUS:${cancelled ? "CANCELLED" : event.status === "CONFIRMED" && !event.tentativeLabel ? "CONFIRMED" : "TENTATIVE"}`,
    ...(event.description ? [`DESCRIPTION:${text(event.description)}`] : []),
    ...(event.location ? [`LOCATION:${text(event.location)}`] : []),
    ...(event.url ? [`URL:${event.url}`] : []),
    "END:VEVENT",
  ];
}

/**
 * A subscription feed: many events in one calendar, always METHOD:PUBLISH (a
 * feed is a published calendar, not an invitation), with a hint to refresh
 * hourly. `tentativeLabel` marks an entry that is not a seat yet (a reserve).
 */
export function calendarFeed(
  events: (CalendarEvent & { tentativeLabel?: string })[],
  options: { host: string; cancelledLabel: string; calendarName: string },
): string {
  return calendarDocument([
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${text(options.calendarName)}`,
    "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
    "X-PUBLISHED-TTL:PT1H",
    ...events.flatMap((event) => vevent(event, options)),
  ]);
}
