// The default transport: sends nothing and marks the message delivered, with one
// line on stdout so a developer (or an operator who has not configured SMTP or
// Resend yet) sees what would have gone out.
import type { EmailTransport } from "../transport";

export const DEFAULT_EMAIL_FROM = "Portico <no-reply@localhost>";

/** Marks messages delivered without sending: one line on stdout per message. */
export function createLogTransport(from = DEFAULT_EMAIL_FROM): EmailTransport {
  const quotedFrom = JSON.stringify(from);
  return {
    name: "log",
    // Nothing leaves the process, so nothing to protect: the sender may push as
    // many messages through as it claims.
    concurrency: 64,
    async send(message) {
      console.log(
        `[email:log] not sent (log transport) id=${message.id} from=${quotedFrom} to=${JSON.stringify(message.to)} subject=${JSON.stringify(message.subject)} attachments=${message.attachments?.length ?? 0}`,
      );
      return { providerId: `log-${message.id}` };
    },
  };
}

export const logTransport = createLogTransport();
