// Turns an outbox row into what its recipient receives: the stored copy once
// there is one (sent messages keep exactly what was sent), else a render of its
// template and props (renderShared: bulk sends cost a few renders).
import { decodeProps } from "./props";
import { renderShared } from "./render";
import { isTemplateName } from "./templates";

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
