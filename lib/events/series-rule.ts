// A series of sessions described by a rule: on these weekdays, from this
// time to that time, a number of times or until a date, leaving out the dates
// staff name (holidays). The same code previews the dates in the browser and
// creates them on the server, so what staff see is what gets created. Times
// are wall-clock times of the main event's time zone: a series that crosses a
// daylight-saving change keeps its local 14:00. No server imports here.
import { z } from "zod";
import { wallTimeToUtc } from "./zoned-time";

/** The most sessions one rule may create. */
export const SERIES_MAX = 100;

/** ISO weekdays: 1 = Monday … 7 = Sunday. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** "2027-02-09" as the UTC midnight of that calendar day; null for anything that is not a real date. */
function dayNumber(value: string): number | null {
  const m = DATE.exec(value);
  if (!m) return null;
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3]);
  return new Date(ms).toISOString().slice(0, 10) === value ? ms : null;
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** ISO weekday of a calendar day (1 = Monday). */
const weekdayOf = (ms: number) => ((new Date(ms).getUTCDay() + 6) % 7) + 1;

/** The dates typed into "dates to skip": separated by spaces, commas or new lines. */
function parseSkipDates(text: string): { dates: string[]; invalid: string | null } {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  const invalid = parts.find((p) => dayNumber(p) === null) ?? null;
  return { dates: [...new Set(parts.filter((p) => dayNumber(p) !== null))].sort(), invalid };
}

/** The series form. Every field is text as typed, so the form keeps it on error; the rules are in superRefine. */
export const seriesSchema = z
  .object({
    name: z.string().trim().min(1, "validation.required").max(200, "validation.tooLong"),
    weekdays: z.array(z.string()).default([]),
    firstDate: z.string().trim(),
    startTime: z.string().trim(),
    endTime: z.string().trim(),
    ends: z.enum(["count", "until"]),
    count: z.string().trim().default(""),
    untilDate: z.string().trim().default(""),
    skipDates: z.string().max(5_000, "validation.tooLong").default(""),
  })
  .superRefine((value, ctx) => {
    let valid = true;
    const issue = (path: string, message: string) => {
      valid = false;
      ctx.addIssue({ code: "custom", path: [path], message });
    };
    const days = value.weekdays.map(Number);
    if (days.length === 0 || days.some((d) => !WEEKDAYS.includes(d as never))) issue("weekdays", "events.series.errors.weekdays");
    const first = dayNumber(value.firstDate);
    if (first === null) issue("firstDate", value.firstDate ? "validation.invalid" : "validation.required");
    if (!TIME.test(value.startTime)) issue("startTime", value.startTime ? "validation.invalid" : "validation.required");
    if (!TIME.test(value.endTime)) issue("endTime", value.endTime ? "validation.invalid" : "validation.required");
    else if (TIME.test(value.startTime) && value.endTime <= value.startTime) issue("endTime", "events.errors.endBeforeStart");
    if (value.ends === "count") {
      const n = Number(value.count);
      if (!/^\d+$/.test(value.count) || n < 1 || n > SERIES_MAX) issue("count", "events.series.errors.count");
    } else {
      const until = dayNumber(value.untilDate);
      if (until === null) issue("untilDate", value.untilDate ? "validation.invalid" : "validation.required");
      else if (first !== null && until < first) issue("untilDate", "events.series.errors.untilBeforeFirst");
    }
    if (parseSkipDates(value.skipDates).invalid) issue("skipDates", "events.series.errors.skipDates");
    // Only a well-formed rule is expanded: its dates decide "too many" and "none".
    if (valid) {
      const dates = seriesDates(value);
      if (dates.tooMany) issue(value.ends === "until" ? "untilDate" : "count", "events.series.errors.tooMany");
      else if (dates.dates.length === 0) issue("weekdays", "events.series.errors.none");
    }
  });
export type SeriesInput = z.input<typeof seriesSchema>;
export type SeriesData = z.output<typeof seriesSchema>;

interface SeriesDates {
  /** The session dates, in order. */
  dates: string[];
  /** Dates the rule would have given that staff asked to skip. */
  skipped: string[];
  /** The rule gives more than SERIES_MAX sessions. */
  tooMany: boolean;
}

/**
 * The calendar dates of a rule. With a number of occurrences, a skipped date
 * does not count: "6 times, skipping the 9th" gives 6 sessions, the last one a
 * week later. Assumes a rule that passed the schema.
 */
export function seriesDates(rule: Pick<SeriesInput, "weekdays" | "firstDate" | "ends" | "count" | "untilDate" | "skipDates">): SeriesDates {
  const days = new Set((rule.weekdays ?? []).map(Number));
  const first = dayNumber(rule.firstDate);
  const skip = new Set(parseSkipDates(rule.skipDates ?? "").dates);
  const result: SeriesDates = { dates: [], skipped: [], tooMany: false };
  if (first === null || days.size === 0) return result;
  const count = rule.ends === "count" ? Number(rule.count) : Infinity;
  const until = rule.ends === "until" ? (dayNumber(rule.untilDate ?? "") ?? first - DAY_MS) : Infinity;
  // A week holds at least one chosen weekday, so SERIES_MAX + 1 weeks always settle it.
  const last = first + (SERIES_MAX + 1) * 7 * DAY_MS;
  for (let day = first; day <= until && day <= last && result.dates.length < count; day += DAY_MS) {
    if (!days.has(weekdayOf(day))) continue;
    const iso = isoDay(day);
    if (skip.has(iso)) {
      result.skipped.push(iso);
      continue;
    }
    if (result.dates.length === SERIES_MAX) {
      result.tooMany = true;
      break;
    }
    result.dates.push(iso);
  }
  return result;
}

export interface Occurrence {
  date: string;
  startsAt: Date;
  endsAt: Date;
}

/** The sessions' instants: each date's start and end times read in the event's time zone. */
export function seriesOccurrences(rule: SeriesData | SeriesInput, timeZone: string): Occurrence[] {
  return seriesDates(rule).dates.map((date) => ({
    date,
    startsAt: wallTimeToUtc(`${date}T${rule.startTime}`, timeZone)!,
    endsAt: wallTimeToUtc(`${date}T${rule.endTime}`, timeZone)!,
  }));
}
