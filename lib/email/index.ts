// The e-mail module: templates rendered into an outbox table in the caller's
// transaction, delivered by a job through a transport (log or Resend).
export { deliverEmail, dueEmailIds, DEFAULT_MAX_ATTEMPTS, DEFAULT_STALE_AFTER_MS } from "./deliver";
export type { DeliverOptions, DeliveryResult } from "./deliver";
export { enqueueEmail, getEmail, getEmailAttachment, listEmailAttachments, listOutbox, retryEmail } from "./outbox";
export type { EmailAttachmentInput, EnqueueEmailInput, ListOutboxInput, OutboxPage, OutboxSummary } from "./outbox";
export { renderEmail } from "./render";
export type { RenderedEmail } from "./render";
export type { EmailTemplate, TemplateContext, Translator } from "./template";
export { isTemplateName, templates } from "./templates";
export type { TemplateName, TemplateProps } from "./templates";
export { createLogTransport, DEFAULT_EMAIL_FROM, getTransport, logTransport, resendTransport } from "./transport";
export type { EmailTransport, OutgoingAttachment, OutgoingEmail, ResendTransportOptions } from "./transport";
