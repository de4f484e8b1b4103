// Shared rules of the event record: who may change an event, which
// fields a secondary event takes from its main event, and the public slug.
import { isAdmin, isStaff, type Actor } from "@/lib/auth/actor";
import type { EventData } from "./schemas";

/** Staff may change an event unless it has a responsible person who is someone else; admins always may. */
export function canEditEvent(actor: Actor, event: { responsibleId: string | null }): boolean {
  return isStaff(actor) && (isAdmin(actor) || !event.responsibleId || event.responsibleId === actor.userId);
}

/** The fields a secondary event follows from its main event: hidden on its form, forced on the server. */
export const FOLLOWED_FIELDS = [
  "typeId",
  "customerId",
  "placeId",
  "visibleInPortal",
  "publicRegistration",
  "seats",
  "reserveSeats",
  "registrationDeadline",
  "cancellationDeadline",
  "portalQuestionnaireId",
  "publicQuestionnaireId",
  "certificateTemplateId",
  "confirmPublicSignups",
  "holdMinutes",
  "waitlistMode",
  "offerHours",
] as const;

export interface FollowedFields {
  typeId: string;
  customerId: string | null;
  placeId: string | null;
  visibleInPortal: boolean;
  publicRegistration: boolean;
  seats: number;
  reserveSeats: number;
  registrationDeadline: Date | null;
  cancellationDeadline: Date | null;
  portalQuestionnaireId: string | null;
  publicQuestionnaireId: string | null;
  certificateTemplateId: string | null;
  confirmPublicSignups: boolean;
  holdMinutes: number;
  waitlistMode: "AUTOMATIC" | "OFFERS";
  offerHours: number;
}

export const followedSelect = Object.fromEntries(FOLLOWED_FIELDS.map((f) => [f, true])) as Record<(typeof FOLLOWED_FIELDS)[number], true>;

export function pickFollowed(source: FollowedFields): FollowedFields {
  return Object.fromEntries(FOLLOWED_FIELDS.map((f) => [f, source[f]])) as unknown as FollowedFields;
}

/** The form's followed fields, with blanks as nulls (an update must clear, not skip, them). */
export function followedFromInput(input: EventData): FollowedFields {
  return {
    typeId: input.typeId,
    customerId: input.customerId ?? null,
    placeId: input.placeId ?? null,
    visibleInPortal: input.visibleInPortal,
    publicRegistration: input.publicRegistration,
    seats: input.seats,
    reserveSeats: input.reserveSeats,
    registrationDeadline: input.registrationDeadline ?? null,
    cancellationDeadline: input.cancellationDeadline ?? null,
    portalQuestionnaireId: input.portalQuestionnaireId ?? null,
    publicQuestionnaireId: input.publicQuestionnaireId ?? null,
    certificateTemplateId: input.certificateTemplateId ?? null,
    confirmPublicSignups: input.confirmPublicSignups,
    holdMinutes: input.holdMinutes,
    waitlistMode: input.waitlistMode,
    offerHours: input.offerHours,
  };
}

/** "Formação Básica 2026" + 12 → "formacao-basica-2026-12": the number keeps it unique. */
export function eventSlug(name: string, number: number): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return `${base || "event"}-${number}`;
}
