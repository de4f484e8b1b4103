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

function formatSubject<N extends TemplateName>(template: N, locale: Locale, props: TemplateProps<N>, timeZone: string | undefined): string {
  return definitionOf(template).subject(translatorFor(locale, timeZone), props);
}

const MAX_SUBJECTS = 500;
const subjects = new Map<string, string>();

/**
 * The subject alone, stored when the message is queued. Subjects name the
 * event or ticket, rarely the person: one formatted with markers in the
 * template's personal fields serves every recipient unless a marker shows.
 */
export function renderSubject<N extends TemplateName>(template: N, locale: string, props: TemplateProps<N>, options: { timeZone?: string } = {}): string {
  const resolved = resolveLocale(locale);
  const shape = sharedShape(template, resolved, props, options.timeZone);
  if (!shape) return formatSubject(template, resolved, props, options.timeZone);
  let subject = subjects.get(shape.key);
  if (subject === undefined) {
    subject = formatSubject(template, resolved, shape.generic as TemplateProps<N>, options.timeZone);
    if (subjects.size >= MAX_SUBJECTS) subjects.delete(subjects.keys().next().value!);
    subjects.set(shape.key, subject);
  }
  return shape.filled.some((_, i) => subject.includes(MARKER(i))) ? formatSubject(template, resolved, props, options.timeZone) : subject;
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
 * The props with a marker in each non-empty personal field, and the cache key
 * of what is left; null when the template has nothing personal to fill in.
 */
function sharedShape<N extends TemplateName>(template: N, locale: Locale, props: TemplateProps<N>, timeZone: string | undefined) {
  const values = props as unknown as Record<string, unknown>;
  const filled = (definitionOf(template).personal ?? []).filter((field) => typeof values[field] === "string" && values[field] !== "");
  if (!filled.length) return null;
  const generic = { ...values };
  filled.forEach((field, i) => (generic[field] = MARKER(i)));
  return { values, filled, generic, key: JSON.stringify([template, locale, timeZone ?? null, generic]) };
}

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
  const shape = sharedShape(template, resolveLocale(locale), props, options.timeZone);
  if (!shape) return renderEmail(template, locale, props, options);
  const { generic, filled, key, values } = shape;
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
    subject: renderSubject(template, rendered.locale, props, options),
    html: fill(rendered.html, escapeHtml),
    // The text part is converted from HTML, which collapses runs of whitespace.
    text: fill(rendered.text, (v) => v.replace(/\s+/g, " ")),
  };
}
