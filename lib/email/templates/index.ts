// The registry of e-mail templates by name (the name is stored on EmailMessage).
// A new template is one file in this folder plus one entry here.
import type { AnyEmailTemplate, EmailTemplate } from "../template";
import { certificateCpfRequest } from "./certificate-cpf-request";
import { certificateIssued } from "./certificate-issued";
import { contactFinished } from "./contact-finished";
import { contactMessageForStaff } from "./contact-message-for-staff";
import { contactNewForStaff } from "./contact-new-for-staff";
import { contactReply } from "./contact-reply";
import { eventCancellation } from "./event-cancellation";
import { eventPrivateLink } from "./event-private-link";
import { eventOffer } from "./event-offer";
import { eventOfferLapsed } from "./event-offer-lapsed";
import { eventPromoted } from "./event-promoted";
import { eventRegistration } from "./event-registration";
import { eventReminder } from "./event-reminder";
import { eventStatus } from "./event-status";
import { guestRequestReceived } from "./guest-request-received";
import { guestRequestStatus } from "./guest-request-status";
import { passwordReset } from "./password-reset";
import { signInLink } from "./sign-in-link";
import { ticketClientNotice } from "./ticket-client-notice";
import { ticketStaffNotice } from "./ticket-staff-notice";

export const templates = {
  ticketClientNotice,
  ticketStaffNotice,
  contactNewForStaff,
  contactMessageForStaff,
  contactReply,
  contactFinished,
  certificateIssued,
  certificateCpfRequest,
  passwordReset,
  signInLink,
  eventRegistration,
  eventPromoted,
  eventOffer,
  eventOfferLapsed,
  eventCancellation,
  eventPrivateLink,
  eventStatus,
  eventReminder,
  guestRequestReceived,
  guestRequestStatus,
} satisfies Record<string, AnyEmailTemplate>;

export type TemplateName = keyof typeof templates;
// Distributes over a union of names (so TemplateProps<TemplateName> is the union of all props).
export type TemplateProps<N extends TemplateName> = N extends TemplateName ? ((typeof templates)[N] extends EmailTemplate<infer P> ? P : never) : never;

export function isTemplateName(value: unknown): value is TemplateName {
  return typeof value === "string" && Object.hasOwn(templates, value);
}
