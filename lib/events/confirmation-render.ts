// Registration confirmations are the hot path of a busy event: every one is the
// same e-mail but for the participant's name and private link. The e-mail is
// rendered once per event, language and kind of registrant with markers in
// those two places, and each confirmation fills them in (HTML-escaped in the
// HTML part). A change to the event changes the cache key.
import { renderEmail, type RenderedEmail } from "@/lib/email/render";
import type { EventRegistrationProps } from "@/lib/email/templates/event-registration";

const NAME = "PORTICOxNAMEx5e1f";
const TOKEN = "PORTICOxTOKENx5e1f";
const MAX_ENTRIES = 500;
const cache = new Map<string, Promise<RenderedEmail>>();

const escapeHtml = (value: string) => value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");

export interface ConfirmationInput {
  /** Identifies everything of the event the e-mail shows (see emailKey in registration.ts). */
  eventKey: string;
  locale: string;
  timeZone: string;
  props: EventRegistrationProps;
  /** The private link's token inside props.privateUrl / props.onlineUrl (public registrants). */
  token: string | null;
}

export async function renderConfirmation({ eventKey, locale, timeZone, props, token }: ConfirmationInput): Promise<RenderedEmail> {
  // The reserve position varies with every registration: those are rendered as they are.
  if (props.status !== "REGISTERED") return renderEmail("eventRegistration", locale, props, { timeZone });
  const mark = (url: string | null) => (url && token ? url.replaceAll(token, TOKEN) : url);
  const generic = { ...props, name: NAME, privateUrl: mark(props.privateUrl), onlineUrl: mark(props.onlineUrl) };
  const key = JSON.stringify([eventKey, locale, timeZone, generic]);
  let template = cache.get(key);
  if (!template) {
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
    template = renderEmail("eventRegistration", locale, generic, { timeZone });
    cache.set(key, template);
    template.catch(() => cache.delete(key));
  }
  const rendered = await template;
  const fill = (text: string, escape: (v: string) => string) => text.replaceAll(NAME, escape(props.name)).replaceAll(TOKEN, token ?? "");
  // The text part is converted from HTML, which collapses runs of whitespace.
  return { ...rendered, subject: fill(rendered.subject, (v) => v), html: fill(rendered.html, escapeHtml), text: fill(rendered.text, (v) => v.replace(/\s+/g, " ")) };
}
