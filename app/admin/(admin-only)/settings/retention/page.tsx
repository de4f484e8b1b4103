import { getFormatter, getTranslations } from "next-intl/server";
import { SettingsFormHeader } from "@/app/admin/settings/settings-list-header";
import { RetentionForm } from "@/components/privacy/retention-form";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { DataTable } from "@/components/ui/data-table";
import { Card } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { recentRetentionRuns, retentionReport } from "@/lib/privacy/retention";
import { RETENTION_KINDS } from "@/lib/privacy/retention-schema";
import { applyRetentionAction } from "@/lib/privacy/settings-actions";

export async function generateMetadata() {
  return { title: (await getTranslations("privacy.retention"))("title") };
}

// Settings → Retention: the periods, the dry run of what they reach today
// (nothing changes until "Apply now" is confirmed), and the last runs.
export default async function RetentionPage() {
  const actor = await requireAdmin();
  const [t, format, report, runs] = await Promise.all([
    getTranslations("privacy.retention"),
    getFormatter(),
    retentionReport(db, actor),
    recentRetentionRuns(db, actor),
  ]);
  const total = report.rows.reduce((sum, r) => sum + r.count, 0);
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  return (
    <>
      <SettingsFormHeader title={t("title")} backHref="/admin/settings" />
      <p className="-mt-4 mb-6 max-w-2xl text-sm text-slate-600">{t("help")}</p>
      <Card className="mb-6 max-w-3xl">
        <RetentionForm defaults={report.settings} />
      </Card>
      <section aria-labelledby="retention-report" className="mb-6 max-w-3xl">
        <h2 id="retention-report" className="mb-1 text-lg font-medium">
          {t("reportTitle")}
        </h2>
        <p className="mb-3 text-sm text-slate-600">{t("reportHelp")}</p>
        <DataTable
          caption={t("reportTitle")}
          rows={report.rows}
          rowKey={(r) => r.kind}
          empty={t("reportEmpty")}
          columns={[
            { header: t("kind"), cell: (r) => t(`kinds.${r.kind}`) },
            { header: t("action"), cell: (r) => t(`actions.${r.kind}`) },
            { header: t("before"), cell: (r) => date(r.cutoff), className: "whitespace-nowrap" },
            { header: t("count"), cell: (r) => <span data-testid={`retention-count-${r.kind}`}>{format.number(r.count)}</span>, className: "text-right" },
          ]}
        />
        <div className="mt-4">
          {total > 0 ? (
            <ConfirmButton message={t("applyConfirm", { count: total })} action={applyRetentionAction}>
              {t("apply")}
            </ConfirmButton>
          ) : (
            <p className="text-sm text-slate-600">{t("nothingToApply")}</p>
          )}
        </div>
      </section>
      <section aria-labelledby="retention-runs" className="max-w-3xl">
        <h2 id="retention-runs" className="mb-3 text-lg font-medium">
          {t("runsTitle")}
        </h2>
        <DataTable
          caption={t("runsTitle")}
          rows={runs}
          rowKey={(r) => r.id}
          empty={t("runsEmpty")}
          columns={[
            { header: t("runAt"), cell: (r) => format.dateTime(r.at, { dateStyle: "medium", timeStyle: "short" }), className: "whitespace-nowrap" },
            { header: t("runBy"), cell: (r) => (r.trigger === "schedule" ? t("bySchedule") : r.actorName) },
            { header: t("runCounts"), cell: (r) => RETENTION_KINDS.map((k) => `${t(`kinds.${k}`)}: ${r.counts[k] ?? 0}`).join(" · ") },
          ]}
        />
      </section>
    </>
  );
}
