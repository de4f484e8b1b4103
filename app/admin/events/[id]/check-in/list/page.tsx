import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { CheckInQr } from "@/components/events/check-in-qr";
import { PrintButton } from "@/components/events/print-button";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { checkInList } from "@/lib/events/check-in";
import { checkInQrSvg } from "@/lib/events/check-in-qr";
import { ForbiddenError, NotFoundError } from "@/lib/errors";

export async function generateMetadata() {
  return { title: (await getTranslations("events.checkIn"))("listTitle") };
}

// The participants with their codes, to print for the door (a fallback when a
// phone cannot show its code, or to tick off by hand).
export default async function CheckInListPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireStaff();
  const { event, rows } = await checkInList(db, actor, (await params).id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof ForbiddenError) forbidden();
    throw error;
  });
  const [t, tc, format, svgs] = await Promise.all([
    getTranslations("events.checkIn"),
    getTranslations("common"),
    getFormatter(),
    Promise.all(rows.map((r) => checkInQrSvg(r.code))),
  ]);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="text-xl font-semibold text-slate-900">{t("listTitle")}</h1>
          <p className="text-sm text-slate-700">
            #{event.number} · {event.name} · {format.dateTime(event.startsAt, { dateStyle: "medium", timeStyle: "short", timeZone: event.timeZone })}
          </p>
        </div>
        <div className="flex gap-3 print:hidden">
          <PrintButton />
          <Link href={`/admin/events/${event.id}/check-in`} className="self-center text-sm text-indigo-700 underline">
            {t("backToCheckIn")}
          </Link>
        </div>
      </div>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">{t("listEmpty")}</p>
      ) : (
        <table className="w-full border-collapse text-sm">
          <thead>
            <tr className="border-b border-slate-300 text-left">
              <th className="py-2 pr-3">{tc("name")}</th>
              <th className="py-2 pr-3">{tc("email")}</th>
              <th className="py-2 pr-3">{t("attended")}</th>
              <th className="py-2">{t("code")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.id} className="break-inside-avoid border-b border-slate-200 align-middle">
                <td className="py-2 pr-3 font-medium">{r.name}</td>
                <td className="py-2 pr-3 break-all">{r.email}</td>
                <td className="py-2 pr-3">{r.attendedAt ? format.dateTime(r.attendedAt, { timeStyle: "short", timeZone: event.timeZone }) : "☐"}</td>
                <td className="py-2">
                  <CheckInQr svg={svgs[i]} code={r.code} size="small" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
