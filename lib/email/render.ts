// Renders a registered template for a locale into subject, HTML and plain text.
// renderEmail renders one message; renderShared is what the sender uses: the
// e-mail is rendered once per template, language and shared content, with
// markers in the template's `personal` fields, and each message fills them in.
import { render, toPlainText } from "@react-email/render";
import { createElement } from "react";
import { defaultLocale, isLocale, type Locale } from "@/lib/i18n/config";
import { translatorFor } from "@/lib/i18n/messages";
import type { EmailTemplate, TemplateContext } from "./template";
import { isTemplateName, templates, type TemplateName, type TemplateProps } from "./templates";

export interface RenderedEmail {
  locale: Locale;
  subject: string;
  html: string;
  text: string;
}

function definitionOf<N extends TemplateName>(template: N) {
  if (!isTemplateName(template)) throw new Error(`Unknown e-mail template "${String(template)}"`);
  return templates[template] as unknown as EmailTemplate<TemplateProps<N>>;
}

const resolveLocale = (locale: string): Locale => (isLocale(locale) ? locale : defaultLocale);

/** The subject alone: cheap (no React), so it is stored when the message is queued. */
export function renderSubject<N extends TemplateName>(template: N, locale: string, props: TemplateProps<N>, options: { timeZone?: string } = {}): string {
  const resolved = resolveLocale(locale);
  return definitionOf(template).subject(translatorFor(resolved, options.timeZone ?? undefined), props);
}

export async function renderEmail<N extends TemplateName>(
  template: N,
  locale: string,
  props: TemplateProps<N>,
  options: { timeZone?: string } = {},
): Promise<RenderedEmail> {
  const definition = definitionOf(template);
  const resolved = resolveLocale(locale);
  const t = translatorFor(resolved, options.timeZone ?? undefined);
  const Component = definition.Component as (p: TemplateContext) => ReturnType<typeof definition.Component>;
  const element = createElement(Component, { ...(props as object), t, locale: resolved });
  // One React render; the text part is derived from it (what render's plainText option does).
  const html = await render(element);
  const text = toPlainText(html);
  return { locale: resolved, subject: definition.subject(t, props), html, text };
}

const MARKER = (i: number) => `PORTICOxP${i}x5e1f`;
const MAX_SHARED = 500;
const shared = new Map<string, Promise<RenderedEmail>>();

const escapeHtml = (value: string) => value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");

/**
 * The same result as renderEmail, but a template with `personal` fields is
 * rendered once per distinct rest of its props and filled in per message, so a
 * status e-mail to thousands costs a few renders. Dates and other non-string
 * props are part of the cache key.
 */
export async function renderShared<N extends TemplateName>(
  template: N,
  locale: string,
  props: TemplateProps<N>,
  options: { timeZone?: string } = {},
): Promise<RenderedEmail> {
  const personal = definitionOf(template).personal ?? [];
  const values = props as unknown as Record<string, unknown>;
  const filled = personal.filter((field) => typeof values[field] === "string" && values[field] !== "");
  if (!filled.length) return renderEmail(template, locale, props, options);

  const generic = { ...values };
  filled.forEach((field, i) => (generic[field] = MARKER(i)));
  const key = JSON.stringify([template, resolveLocale(locale), options.timeZone ?? null, generic]);
  let pending = shared.get(key);
  if (!pending) {
    if (shared.size >= MAX_SHARED) shared.delete(shared.keys().next().value!);
    pending = renderEmail(template, locale, generic as TemplateProps<N>, options);
    shared.set(key, pending);
    pending.catch(() => shared.delete(key));
  }
  const rendered = await pending;
  const fill = (text: string, escape: (v: string) => string) =>
    filled.reduce((out, field, i) => out.replaceAll(MARKER(i), escape(values[field] as string)), text);
  return {
    locale: rendered.locale,
    // The subject is rendered from the real props: a template may put a personal field there.
    subject: definitionOf(template).subject(translatorFor(rendered.locale, options.timeZone ?? undefined), props),
    html: fill(rendered.html, escapeHtml),
    // The text part is converted from HTML, which collapses runs of whitespace.
    text: fill(rendered.text, (v) => v.replace(/\s+/g, " ")),
  };
}
