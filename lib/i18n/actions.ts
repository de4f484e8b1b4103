"use server";

// The language switcher and the time-zone preference: a cookie for every
// visitor, and User.locale / User.timeZone for signed-in users (so e-mails and
// the next sign-in use the same choice).
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { getActor } from "@/lib/auth/session";
import { isLocale, isTimeZone, LOCALE_COOKIE, TIME_ZONE_COOKIE } from "./config";

const YEAR = 365 * 24 * 3600;

export async function setLocaleAction(locale: string): Promise<void> {
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: YEAR });
  const actor = await getActor();
  if (actor) await db.user.update({ where: { id: actor.userId }, data: { locale } });
  revalidatePath("/", "layout");
}

export async function setTimeZoneAction(timeZone: string): Promise<{ ok: boolean }> {
  if (!isTimeZone(timeZone)) return { ok: false };
  (await cookies()).set(TIME_ZONE_COOKIE, timeZone, { path: "/", sameSite: "lax", maxAge: YEAR });
  const actor = await getActor();
  if (actor) await db.user.update({ where: { id: actor.userId }, data: { timeZone } });
  revalidatePath("/", "layout");
  return { ok: true };
}
