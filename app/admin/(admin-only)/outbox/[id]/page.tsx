import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { EmailStatusBadge } from "@/components/admin/email-status-badge";
import { RetryEmailButton } from "@/components/admin/retry-email-button";
import { Card, PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getEmail, listEmailAttachments } from "@/lib/email";

export default async function OutboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdmin();
  const message = await getEmail(db, (await params).id);
  if (!message) notFound();
  const t = await getTranslations("outbox");
  const tc = await getTranslations("common");
  const format = await getFormatter();
  const attachments = await listEmailAttachments(db, message.id);
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "medium" }) : "—");
  return (
    <>
      <PageHeader
        title={message.subject}
        actions={
          <Link href="/admin/outbox" className="text-sm text-indigo-700 underline">
            {tc("back")}
          </Link>
        }
      />
      <Card className="mb-6">
        <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium">{t("statusLabel")}</dt>
          <dd>
            <EmailStatusBadge status={message.status} />
          </dd>
          <dt className="font-medium">{t("recipient")}</dt>
          <dd>{message.to}</dd>
          <dt className="font-medium">{t("template")}</dt>
          <dd>
            {message.template} · {message.locale}
          </dd>
          <dt className="font-medium">{t("attempts")}</dt>
          <dd>{message.attempts}</dd>
          <dt className="font-medium">{t("createdAt")}</dt>
          <dd>{when(message.createdAt)}</dd>
          <dt className="font-medium">{t("sentAt")}</dt>
          <dd>{when(message.sentAt)}</dd>
          <dt className="font-medium">{t("providerId")}</dt>
          <dd className="font-mono">{message.providerId ?? "—"}</dd>
          {message.lastError ? (
            <>
              <dt className="font-medium">{t("error")}</dt>
              <dd className="whitespace-pre-wrap text-red-800">{message.lastError}</dd>
            </>
          ) : null}
        </dl>
        {message.status === "FAILED" ? (
          <div className="mt-4">
            <RetryEmailButton id={message.id} />
          </div>
        ) : null}
      </Card>
      {attachments.length > 0 ? (
        <Card className="mb-6">
          <h2 className="mb-2 font-medium">{t("attachments")}</h2>
          <ul className="space-y-1 text-sm" data-testid="email-attachments">
            {attachments.map((a) => (
              <li key={a.id}>
                <a href={`/admin/outbox/${message.id}/attachments/${a.id}`} className="text-indigo-700 underline">
                  {a.fileName}
                </a>{" "}
                <span className="text-slate-600">
                  ({a.contentType}, {t("attachmentSize", { kb: format.number(a.size / 1024, { maximumFractionDigits: 1 }) })})
                </span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <Card className="mb-6">
        <h2 className="mb-2 font-medium">{t("viewHtml")}</h2>
        {/* Exactly what was sent, isolated: no scripts, no same-origin access. */}
        <iframe title={t("viewHtml")} sandbox="" srcDoc={message.html} className="h-[32rem] w-full rounded border border-slate-200 bg-white" />
      </Card>
      <Card>
        <h2 className="mb-2 font-medium">{t("viewText")}</h2>
        <pre className="text-sm break-words whitespace-pre-wrap" data-testid="email-text">
          {message.text}
        </pre>
      </Card>
    </>
  );
}
