// What an e-mail template is: a subject and a React component, both fed by the
// translator of the recipient's locale. Templates are registered in templates/index.ts.
import type { ReactElement } from "react";
import type { translatorFor } from "@/lib/i18n/messages";

/** A next-intl translator over the whole catalogue (keys like "email.footer"). */
export type Translator = ReturnType<typeof translatorFor>;

/** What every template component receives besides its own props. */
export interface TemplateContext {
  t: Translator;
  locale: string;
}

export interface EmailTemplate<P> {
  subject(t: Translator, props: P): string;
  Component(props: P & TemplateContext): ReactElement;
  /** Sample props: for previews and the test that renders every template in every locale. */
  example: P;
  /**
   * String props shown verbatim, which differ from one recipient to the next
   * (a name, a private link). A bulk send renders the e-mail once per language
   * with markers in their place and fills them in per message; a template
   * must not branch on, transform or measure these (null still renders apart).
   */
  personal?: readonly (keyof P & string)[];
  /** BULK for mail sent to many at once (status, reminders, certificates); default URGENT. */
  priority?: "URGENT" | "BULK";
}

/** Any template, whatever its props (the registry's constraint). */
export type AnyEmailTemplate = Omit<EmailTemplate<never>, "example"> & { example: unknown };

/** Identity helper that fixes a template's props type for the registry. */
export function defineTemplate<P>(template: EmailTemplate<P>): EmailTemplate<P> {
  return template;
}
