// Bulk sends with their progress: "Status e-mail to 1,240 participants —
// Event #42 Name", a progress bar, and "860 sent, 3 failed, 377 waiting".
// Admins also get the link to the send's messages and "Retry failed".
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { BulkSendProgress } from "@/lib/email/bulk-sends";
import { RetryFailedButton } from "./retry-failed-button";

export async function BulkSendList({
  sends,
  isAdmin,
  showEvent = true,
  showMessagesLink = true,
}: {
  sends: BulkSendProgress[];
  isAdmin: boolean;
  showEvent?: boolean;
  showMessagesLink?: boolean;
}) {
  const t = await getTranslations("outbox");
  const format = await getFormatter();
  const title = (s: BulkSendProgress) => {
    // Templates with a title of their own have one in the catalogue; the key is built from data, so checked first.
    const key = `bulk.title.${s.template}` as "bulk.title.eventStatus";
    return t.has(key) ? t(key, { count: s.total }) : t("bulk.title.other", { count: s.total, template: templateLabel(t, s.template) });
  };
  return (
    <ul className="space-y-4" data-testid="bulk-sends">
      {sends.map((s) => {
        const titleId = `bulk-send-${s.id}`;
        const counts = t("bulk.counts", { sent: s.sent, failed: s.failed, waiting: s.queued });
        const date = format.dateTime(s.createdAt, { dateStyle: "medium", timeStyle: "short" });
        // Messages deleted since the send leave the bar short of full; never past it.
        const max = Math.max(s.total, s.sent + s.failed + s.queued, 1);
        const share = (n: number) => `${(n / max) * 100}%`;
        return (
          <li key={s.id} className="rounded-md border border-slate-200 p-4">
            <p id={titleId} className="font-medium text-slate-900">
              {title(s)}
              {showEvent && s.event ? (
                <>
                  {" — "}
                  <Link href={`/admin/events/${s.event.id}`} className="text-indigo-700 underline">
                    {t("bulk.event", { number: s.event.number, name: s.event.name })}
                  </Link>
                </>
              ) : null}
            </p>
            <p className="mb-2 text-xs text-slate-600">
              {s.createdByName ? t("bulk.queuedBy", { name: s.createdByName, date }) : t("bulk.queuedOn", { date })}
            </p>
            <div
              role="progressbar"
              aria-labelledby={titleId}
              aria-valuemin={0}
              aria-valuemax={max}
              aria-valuenow={s.sent + s.failed}
              aria-valuetext={counts}
              className="flex h-2.5 w-full overflow-hidden rounded-full bg-slate-200"
            >
              <div className="bg-green-600" style={{ width: share(s.sent) }} />
              <div className="bg-red-600" style={{ width: share(s.failed) }} />
            </div>
            <div className="mt-2 flex flex-wrap items-center justify-between gap-3 text-sm">
              <p className="text-slate-800">{counts}</p>
              {isAdmin ? (
                <div className="flex flex-wrap items-center gap-3">
                  {showMessagesLink ? (
                    <Link href={`/admin/outbox?batch=${s.id}`} className="text-indigo-700 underline">
                      {t("bulk.showMessages")}
                    </Link>
                  ) : null}
                  <RetryFailedButton batchId={s.id} failed={s.failed} message={t("bulk.retryFailedConfirm", { count: s.failed })}>
                    {t("bulk.retryFailed", { count: s.failed })}
                  </RetryFailedButton>
                </div>
              ) : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}

/** The template's translated name; an unknown one (a retired template) as stored. */
type OutboxTranslator = Awaited<ReturnType<typeof getTranslations<"outbox">>>;

/** A template's name in the reader's language; a template without one in the catalogue shows its code. */
export function templateLabel(t: OutboxTranslator, template: string): string {
  const key = `templates.${template}` as Parameters<OutboxTranslator>[0];
  return t.has(key) ? t(key) : template;
}
