// The event form's own shape (text inputs, wall-clock times in the event's time
// zone, one location select) and its conversion to eventSchema's input.
import { DEFAULT_REMINDER_SCHEDULE, reminderScheduleSchema } from "@/lib/events/reminder-schedule";
import type { EventInput } from "@/lib/events/schemas";
import { utcToWallTime, wallTimeToUtc } from "@/lib/events/zoned-time";

export interface EventFormValues {
  name: string;
  description: string;
  responsibleId: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  typeId: string;
  /** "", "place:<id>" or "customer:<id>". */
  location: string;
  status: "OPEN" | "CONFIRMED" | "CANCELLED";
  onlineUrl: string;
  visibleInPortal: boolean;
  publicRegistration: boolean;
  confirmPublicSignups: boolean;
  holdMinutes: string;
  waitlistMode: "AUTOMATIC" | "OFFERS";
  offerHours: string;
  seats: string;
  reserveSeats: string;
  registrationDeadline: string;
  cancellationDeadline: string;
  portalQuestionnaireId: string;
  publicQuestionnaireId: string;
  certificateTemplateId: string;
  workloadHours: string;
  reminderEnabled: boolean;
  reminderOwnSchedule: boolean;
  reminderOffsets: string[];
  reminderHour: string;
  certificateAttendancePercent: string;
  mainEventNumber: string;
}

const instant = (wall: string, timeZone: string) => (wall ? (wallTimeToUtc(wall, timeZone)?.toISOString() ?? "invalid") : "");

export function toEventInput(v: EventFormValues): EventInput {
  const [kind, id = ""] = v.location.split(":");
  return {
    ...v,
    startsAt: instant(v.startsAt, v.timeZone),
    endsAt: instant(v.endsAt, v.timeZone),
    registrationDeadline: instant(v.registrationDeadline, v.timeZone),
    cancellationDeadline: instant(v.cancellationDeadline, v.timeZone),
    customerId: kind === "customer" ? id : "",
    placeId: kind === "place" ? id : "",
  };
}

interface EventLike {
  name: string;
  description: string;
  responsibleId: string | null;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  typeId: string;
  customerId: string | null;
  placeId: string | null;
  status: EventFormValues["status"];
  onlineUrl: string | null;
  visibleInPortal: boolean;
  publicRegistration: boolean;
  confirmPublicSignups: boolean;
  holdMinutes: number;
  waitlistMode: "AUTOMATIC" | "OFFERS";
  offerHours: number;
  seats: number;
  reserveSeats: number;
  registrationDeadline: Date | null;
  cancellationDeadline: Date | null;
  portalQuestionnaireId: string | null;
  publicQuestionnaireId: string | null;
  certificateTemplateId: string | null;
  workloadHours: { toString(): string } | null;
  reminderEnabled: boolean;
  reminderSchedule: unknown;
  certificateAttendancePercent: number;
  mainEvent: { number: number } | null;
}

/** The fields of a new event that are not typed in: no schedule of its own, every session needed for a certificate. */
export const NEW_EVENT_EXTRAS = {
  reminderOwnSchedule: false,
  reminderOffsets: [...DEFAULT_REMINDER_SCHEDULE.offsets],
  reminderHour: String(DEFAULT_REMINDER_SCHEDULE.hour),
  certificateAttendancePercent: "100",
} satisfies Partial<EventFormValues>;

/** A stored event as form values (times as wall-clock in its own zone). */
export function eventToFormValues(e: EventLike): EventFormValues {
  const wall = (d: Date | null) => utcToWallTime(d, e.timeZone);
  const parsed = reminderScheduleSchema.safeParse(e.reminderSchedule);
  const own = e.reminderSchedule !== null && parsed.success ? parsed.data : null;
  return {
    name: e.name,
    description: e.description,
    responsibleId: e.responsibleId ?? "",
    startsAt: wall(e.startsAt),
    endsAt: wall(e.endsAt),
    timeZone: e.timeZone,
    typeId: e.typeId,
    location: e.customerId ? `customer:${e.customerId}` : e.placeId ? `place:${e.placeId}` : "",
    status: e.status,
    onlineUrl: e.onlineUrl ?? "",
    visibleInPortal: e.visibleInPortal,
    publicRegistration: e.publicRegistration,
    confirmPublicSignups: e.confirmPublicSignups,
    holdMinutes: String(e.holdMinutes),
    waitlistMode: e.waitlistMode,
    offerHours: String(e.offerHours),
    seats: String(e.seats),
    reserveSeats: String(e.reserveSeats),
    registrationDeadline: wall(e.registrationDeadline),
    cancellationDeadline: wall(e.cancellationDeadline),
    portalQuestionnaireId: e.portalQuestionnaireId ?? "",
    publicQuestionnaireId: e.publicQuestionnaireId ?? "",
    certificateTemplateId: e.certificateTemplateId ?? "",
    workloadHours: e.workloadHours === null ? "" : e.workloadHours.toString(),
    reminderEnabled: e.reminderEnabled,
    reminderOwnSchedule: own !== null,
    reminderOffsets: own ? [...own.offsets] : [...DEFAULT_REMINDER_SCHEDULE.offsets],
    reminderHour: String((own ?? DEFAULT_REMINDER_SCHEDULE).hour),
    certificateAttendancePercent: String(e.certificateAttendancePercent),
    mainEventNumber: e.mainEvent ? String(e.mainEvent.number) : "",
  };
}
