// Turns an outbox row into what its recipient receives: the stored copy once
// there is one (sent messages keep exactly what was sent), else a render of its
// template and props (renderShared: bulk sends cost a few renders).
import type { SqlSession } from "@/lib/db/sql-driver";
import { decodeProps, encodeProps } from "./props";
import { renderShared } from "./render";
import { completedAtSend, type AtSendContext } from "./at-send";
import { isTemplateName } from "./templates";
import type { OutgoingAttachment } from "./transport";

export interface StoredMessage {
  template: string;
  locale: string;
  props: unknown;
  timeZone: string | null;
  subject: string;
  html: string | null;
  text: string | null;
}

export async function renderStoredMessage(message: StoredMessage): Promise<{ subject: string; html: string; text: string }> {
  if (message.html !== null && message.text !== null) return { subject: message.subject, html: message.html, text: message.text };
  if (!isTemplateName(message.template)) throw new Error(`Unknown e-mail template "${message.template}"`);
  if (message.props === null || message.props === undefined) throw new Error("The message has neither a stored body nor template props");
  const rendered = await renderShared(message.template, message.locale, decodeProps(message.props), { timeZone: message.timeZone ?? undefined });
  // The subject stored at queueing time is the one staff saw in the outbox: keep it.
  return { subject: message.subject, html: rendered.html, text: rendered.text };
}

/**
 * What the sender completes at sending for the message's template
 * (./at-send): the message with those props merged in, and the files to
 * attach besides the stored ones. Other messages come back as they are.
 */
export async function completeAtSend<M extends StoredMessage & { to: string }>(
  message: M,
  sql: SqlSession,
): Promise<{ message: M; attachments: OutgoingAttachment[] }> {
  if (!isTemplateName(message.template) || message.props === null || message.props === undefined) return { message, attachments: [] };
  const atSend = completedAtSend[message.template] as
    ((props: object, context: AtSendContext) => Promise<{ props?: object; attachments?: OutgoingAttachment[] }>) | undefined;
  if (!atSend) return { message, attachments: [] };
  const props = decodeProps<object>(message.props);
  const extra = await atSend(props, { sql, to: message.to });
  return {
    message: extra.props ? { ...message, props: encodeProps({ ...props, ...extra.props }) } : message,
    attachments: extra.attachments ?? [],
  };
}
