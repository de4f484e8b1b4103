// The e-mail module: templates queued into an outbox table in the caller's
// transaction, rendered and delivered by the sender through a transport.
export { enqueueBulkEmails, enqueueEmail, getEmail, getEmailAttachment, listEmailAttachments, listOutbox, retryEmail, retryFailedEmails } from "./outbox";
export { bulkSendProgress, isInProgress, listBulkSends } from "./bulk-sends";
export type { BulkSendCounts, BulkSendProgress, ListBulkSendsInput } from "./bulk-sends";
export type { BulkSend, EmailAttachmentInput, EnqueueEmailInput, ListOutboxInput, OutboxPage, OutboxSummary } from "./outbox";
export { renderEmail, renderShared, renderSubject } from "./render";
export type { RenderedEmail } from "./render";
export { DEFAULT_LEASE_MS, DEFAULT_MAX_ATTEMPTS, drainOutbox, EmailSender, defaultRetryDelayMs } from "./sender";
export type { ClaimResult, SenderOptions } from "./sender";
export { SenderLoop } from "./sender-loop";
export type { SenderLoopOptions } from "./sender-loop";
export type { EmailTemplate, TemplateContext, Translator } from "./template";
export { isTemplateName, templates } from "./templates";
export type { TemplateName, TemplateProps } from "./templates";
export { createLogTransport, DEFAULT_EMAIL_FROM, getTransport, logTransport, resendTransport, smtpTransport } from "./transport";
export type { EmailTransport, OutgoingAttachment, OutgoingEmail, ResendTransportOptions, SmtpTransportOptions } from "./transport";
