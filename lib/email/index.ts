// The e-mail module: templates queued into an outbox table in the caller's
// transaction, rendered and delivered by the sender through a transport.
export { enqueueBulkEmails, enqueueEmail, getEmail, getEmailAttachment, listEmailAttachments, listOutbox, retryEmail, retryFailedEmails } from "./outbox";
export { bulkSendProgress, isInProgress, listBulkSends } from "./bulk-sends";
export { renderEmail } from "./render";
export { drainOutbox, EmailSender } from "./sender";
export type { SenderOptions } from "./sender";
export { SenderLoop } from "./sender-loop";
export type { Translator } from "./template";
export { isTemplateName, templates } from "./templates";
export type { TemplateName } from "./templates";
export { createLogTransport, getTransport, logTransport, resendTransport } from "./transport";
export type { EmailTransport, OutgoingEmail } from "./transport";
