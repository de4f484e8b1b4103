import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { DeleteGuestRequestButton } from "@/components/guests/delete-guest-request-button";
import { GuestRequestFields } from "@/components/guests/guest-request-fields";
import { GuestRequestStatusBadge } from "@/components/guests/guest-request-status-badge";
import { OpenGuestRequestForm } from "@/components/guests/open-guest-request-form";
import { Alert } from "@/components/ui/alert";
import { Card, PageHeader } from "@/components/ui/page-header";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { openRequestOptions } from "@/lib/guests/open-request";
import { getGuestRequest } from "@/lib/guests/requests";
import { orNotFound } from "@/lib/or-not-found";

export async function generateMetadata({ params }: { params: Promise<{ number: string }> }) {
  return { title: (await getTranslations("guests.detail"))("title", { number: (await params).number }) };
}

// One guest request: everything the requester sent, its files, and the staff's
// two choices while it waits: open it into a ticket, or delete it.
export default async function GuestRequestPage({ params }: { params: Promise<{ number: string }> }) {
  const actor = await requireStaff();
  const request = await orNotFound(getGuestRequest(db, actor, (await params).number));
  const waiting = request.status === "CREATED";
  const [t, tc, format, groups] = await Promise.all([
    getTranslations("guests.detail"),
    getTranslations("common"),
    getFormatter(),
    waiting ? openRequestOptions(db, actor) : Promise.resolve([]),
  ]);
  return (
    <>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            {t("title", { number: request.number })} <GuestRequestStatusBadge status={request.status} />
          </span>
        }
        description={`${t("receivedAt")}: ${format.dateTime(request.createdAt, { dateStyle: "medium", timeStyle: "short" })}`}
        actions={
          <Link href="/admin/guest-requests" className="self-center text-sm text-indigo-700 underline">
            {tc("back")}
          </Link>
        }
      />
      {request.ticket ? (
        <div className="mb-6">
          <Alert tone="info">
            {t("openedAs", { number: request.ticket.number })}{" "}
            <Link href={`/admin/tickets/${request.ticket.number}`} className="font-medium underline">
              {t("viewTicket", { number: request.ticket.number })}
            </Link>
          </Alert>
        </div>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <div className="space-y-6">
          <Card>
            <h2 className="mb-3 text-lg font-medium">{t("request")}</h2>
            <GuestRequestFields request={request} />
          </Card>
          <Card>
            <h2 className="mb-3 text-lg font-medium">{t("files")}</h2>
            {request.files.length === 0 ? (
              <p className="text-sm text-slate-600">{t("noFiles")}</p>
            ) : (
              <ul className="space-y-2 text-sm">
                {request.files.map(({ file }) => (
                  <li key={file.id} className="flex flex-wrap items-center gap-3">
                    <a href={`/api/files/${file.id}`} className="text-indigo-700 underline">
                      {file.fileName}
                    </a>
                    <span className="text-slate-500">{format.number(file.size / 1024, { style: "unit", unit: "kilobyte", maximumFractionDigits: 1 })}</span>
                    {file.contentType.startsWith("image/") ? (
                      // A thumbnail beside the download link (decorative: the link names the file).
                      // eslint-disable-next-line @next/next/no-img-element -- served by our authorized route, not next/image's optimizer
                      <img src={`/api/files/${file.id}?inline=1`} alt="" className="h-16 w-16 rounded border border-slate-200 object-cover" />
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
        {waiting ? (
          <div className="space-y-6">
            <Card>
              <h2 className="mb-1 text-lg font-medium">{t("openTitle")}</h2>
              <p className="mb-4 text-sm text-slate-600">{t("openHelp")}</p>
              <OpenGuestRequestForm id={request.id} groups={groups} />
            </Card>
            <Card>
              <DeleteGuestRequestButton id={request.id} number={request.number} />
            </Card>
          </div>
        ) : null}
      </div>
    </>
  );
}
