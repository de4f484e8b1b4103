// Renders a registered template for a locale into subject, HTML and plain text.
// Used by enqueueEmail (the outbox stores the rendered result) and previews.
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

export async function renderEmail<N extends TemplateName>(
  template: N,
  locale: string,
  props: TemplateProps<N>,
  options: { timeZone?: string } = {},
): Promise<RenderedEmail> {
  if (!isTemplateName(template)) throw new Error(`Unknown e-mail template "${String(template)}"`);
  const resolved = isLocale(locale) ? locale : defaultLocale;
  const t = translatorFor(resolved, options.timeZone);
  const definition = templates[template] as unknown as EmailTemplate<TemplateProps<N>>;
  const element = createElement(definition.Component, { ...(props as object), t, locale: resolved } as TemplateProps<N> & TemplateContext);
  // One React render; the text part is derived from it (what render's plainText option does).
  const html = await render(element);
  const text = toPlainText(html);
  return { locale: resolved, subject: definition.subject(t, props), html, text };
}
