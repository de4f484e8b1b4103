"use server";

// The language switcher and the time-zone preference: a cookie for every
// visitor, and User.locale / User.timeZone for signed-in users (so e-mails and
// the next sign-in use the same choice). Shape: lib/actions/define-action.ts.
import { cookies } from "next/headers";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { isLocale, isTimeZone, LOCALE_COOKIE, TIME_ZONE_COOKIE } from "./config";

const YEAR = 365 * 24 * 3600;

export const setLocaleAction = defineAction({
  name: "i18n.setLocale",
  guard: getActor,
  args: [z.string().refine(isLocale)],
  // Every page's text changes.
  revalidate: [["/", "layout"]],
  run: async ({ actor, args: [locale] }) => {
    (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: YEAR });
    if (actor) await db.user.update({ where: { id: actor.userId }, data: { locale } });
  },
});

export const setTimeZoneAction = defineAction({
  name: "i18n.setTimeZone",
  guard: getActor,
  args: [z.string().refine(isTimeZone)],
  revalidate: [["/", "layout"]],
  run: async ({ actor, args: [timeZone] }) => {
    (await cookies()).set(TIME_ZONE_COOKIE, timeZone, { path: "/", sameSite: "lax", maxAge: YEAR });
    if (actor) await db.user.update({ where: { id: actor.userId }, data: { timeZone } });
  },
});
