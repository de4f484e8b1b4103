// The requester's view of their request (the private status link): number,
// status, what they sent, file names, and the staff's public replies. The data
// comes from getGuestRequestByStatusToken, which selects public comments only.
import { useFormatter, useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/page-header";
import type { GuestStatusView } from "@/lib/guests/status-view";
import { GuestRequestFields } from "./guest-request-fields";
import { GuestRequestStatusBadge } from "./guest-request-status-badge";

export function GuestStatusDetails({ request, received }: { request: GuestStatusView; received: boolean }) {
  const t = useTranslations("guests");
  const format = useFormatter();
  return (
    <div className="w-full max-w-3xl space-y-6">
      {received ? (
        <Alert tone="success">
          <p className="font-medium">{t("receipt.title", { number: request.number })}</p>
          <p className="mt-1">{t("receipt.body")}</p>
          <p className="mt-1">{t("receipt.keepLink")}</p>
        </Alert>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{t("statusPage.title", { number: request.number })}</h1>
        <GuestRequestStatusBadge status={request.status} audience="requester" />
      </div>
      <p className="text-sm text-slate-600">
        {t("statusPage.sentAt")}: {format.dateTime(request.createdAt, { dateStyle: "medium", timeStyle: "short" })}
      </p>
      <Card>
        <h2 className="mb-3 text-lg font-medium">{t("statusPage.submitted")}</h2>
        <GuestRequestFields request={request} />
        {request.files.length > 0 ? (
          <>
            <h3 className="mt-4 mb-2 text-sm font-medium text-slate-700">{t("statusPage.files")}</h3>
            <ul className="list-disc pl-5 text-sm">
              {request.files.map(({ file }) => (
                <li key={file.id}>{file.fileName}</li>
              ))}
            </ul>
          </>
        ) : null}
      </Card>
      <Card>
        <h2 className="mb-3 text-lg font-medium">{t("statusPage.replies")}</h2>
        {request.status === "CREATED" ? (
          <p className="text-sm text-slate-600">{t("statusPage.notOpenedYet")}</p>
        ) : request.replies.length === 0 ? (
          <p className="text-sm text-slate-600">{t("statusPage.noReplies")}</p>
        ) : (
          <ol className="space-y-4">
            {request.replies.map((reply) => (
              <li key={reply.id} className="rounded-md border border-slate-200 p-3">
                <p className="text-xs text-slate-600">
                  {reply.authorName} · {format.dateTime(reply.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                </p>
                <p className="mt-1 text-sm break-words whitespace-pre-wrap">{reply.body}</p>
              </li>
            ))}
          </ol>
        )}
      </Card>
      <p className="text-xs text-slate-600">{t("statusPage.privateNote")}</p>
    </div>
  );
}
