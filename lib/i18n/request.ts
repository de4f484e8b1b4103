// next-intl's per-request configuration. Portico has no locale in the URL: the
// language comes from the cookie written at login and by the language switcher
// (mirroring User.locale), else from Accept-Language; the time zone likewise.
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { defaultTimeZone, isTimeZone, LOCALE_COOKIE, requestLocale, TIME_ZONE_COOKIE } from "./config";
import { messagesFor } from "./messages";

export default getRequestConfig(async () => {
  const [cookieStore, headerStore] = await Promise.all([cookies(), headers()]);
  const fromCookie = cookieStore.get(LOCALE_COOKIE)?.value;
  const locale = requestLocale(fromCookie, headerStore.get("accept-language"));
  const tz = cookieStore.get(TIME_ZONE_COOKIE)?.value;
  return {
    locale,
    messages: messagesFor(locale),
    timeZone: isTimeZone(tz) ? tz : defaultTimeZone(),
    now: new Date(),
  };
});
