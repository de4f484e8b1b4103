// Message catalogues, loaded once per process. Used by the app (request.ts) and
// by code outside requests (e-mail templates rendered in the worker).
import { createTranslator } from "next-intl";
import en from "../../messages/en.json";
import fi from "../../messages/fi.json";
import ptBR from "../../messages/pt-BR.json";
import { defaultLocale, isLocale, type Locale } from "./config";

export type Messages = typeof en;

const catalogues: Record<Locale, Messages> = { en, "pt-BR": ptBR as Messages, fi: fi as Messages };

export function messagesFor(locale: Locale): Messages {
  return catalogues[locale];
}

function createFor(locale: Locale, timeZone: string | undefined) {
  return createTranslator({ locale, messages: catalogues[locale], timeZone });
}

// Translators are pure; a bulk send asks for the same few thousands of times.
const translators = new Map<string, ReturnType<typeof createFor>>();

/** A translator for a locale outside a request (e-mails, jobs). */
export function translatorFor(locale: string, timeZone?: string) {
  const l = isLocale(locale) ? locale : defaultLocale;
  const key = `${l}|${timeZone ?? ""}`;
  let translator = translators.get(key);
  if (!translator) {
    translator = createFor(l, timeZone);
    // Time zones are few (IANA names), but cap the cache anyway.
    if (translators.size >= 1000) translators.clear();
    translators.set(key, translator);
  }
  return translator;
}
