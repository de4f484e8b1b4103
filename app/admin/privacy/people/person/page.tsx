import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EraseDialog } from "@/components/privacy/erase-dialog";
import { ExportPanel } from "@/components/privacy/export-panel";
import { Alert } from "@/components/ui/alert";
import { Card, PageHeader } from "@/components/ui/page-header";
import { requirePrivacyOfficer } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { formatCpf } from "@/lib/settings/cpf-number";
import { first, type SearchParams } from "@/lib/pagination";
import { listPersonExports } from "@/lib/privacy/export";
import { getPersonOverview } from "@/lib/privacy/overview";
import { erasePersonAction, requestPersonExportAction } from "@/lib/privacy/person-actions";
import { parsePersonKey } from "@/lib/privacy/person";

export async function generateMetadata() {
  return { title: (await getTranslations("personData"))("personTitle"), robots: { index: false } };
}

export default async function PersonPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePrivacyOfficer();
  const params = await searchParams;
  const key = first(params.email) ? parsePersonKey("email", first(params.email)) : parsePersonKey("cpf", first(params.cpf));
  if (!key) notFound();
  const overview = await getPersonOverview(db, actor, key).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const [t, exports] = await Promise.all([getTranslations("personData"), listPersonExports(db, actor, key)]);
  const shown = key.kind === "cpf" ? formatCpf(key.value) : key.value;
  const bound = { kind: key.kind, value: key.value };
  return (
    <>
      <PageHeader
        title={t("personTitle")}
        description={shown}
        actions={
          <Link href={`/admin/privacy/people?q=${encodeURIComponent(key.value)}`} className="text-sm text-indigo-700 underline">
            {t("backToSearch")}
          </Link>
        }
      />
      <div className="space-y-6">
        <Card>
          <h2 className="mb-2 text-lg font-medium">{t("identifiers")}</h2>
          <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
            <dt className="font-medium">{t("emails")}</dt>
            <dd data-testid="person-emails">{overview.person.emails.join(", ") || "—"}</dd>
            <dt className="font-medium">{t("nationalIds")}</dt>
            <dd>{overview.person.cpfs.map(formatCpf).join(", ") || "—"}</dd>
          </dl>
          <h2 className="mt-4 mb-2 text-lg font-medium">{t("records")}</h2>
          <ul className="grid grid-cols-2 gap-1 text-sm sm:grid-cols-3" data-testid="person-counts">
            {overview.counts.map((c) => (
              <li key={c.kind}>
                {t(`kinds.${c.kind}` as "kinds.users")}: <span className="font-medium">{c.count}</span>
              </li>
            ))}
          </ul>
          <p className="mt-2 text-sm">
            <Link href={`/admin/privacy/people?q=${encodeURIComponent(key.value)}`} className="text-indigo-700 underline">
              {t("seeRecords")}
            </Link>
          </p>
        </Card>
        <Card>
          <h2 className="mb-2 text-lg font-medium">{t("export.title")}</h2>
          <ExportPanel
            exports={exports.map((e) => ({ id: e.id, status: e.status, progress: e.progress, createdAt: e.createdAt.toISOString() }))}
            requestExport={requestPersonExportAction.bind(null, bound)}
          />
        </Card>
        <Card>
          <h2 className="mb-2 text-lg font-medium">{t("erase.heading")}</h2>
          <p className="mb-3 text-sm text-slate-700">{t("erase.explain")}</p>
          {overview.holds.length > 0 ? (
            <Alert tone="warning">
              <p className="font-medium">{t("erase.heldTitle")}</p>
              <ul className="mt-1 list-disc pl-5" data-testid="legal-holds">
                {overview.holds.map((h, i) => (
                  <li key={i}>
                    {t(`erase.holds.${h.reason}`)}{" "}
                    {h.href ? (
                      <Link href={h.href} className="underline">
                        {h.label}
                      </Link>
                    ) : (
                      h.label
                    )}
                  </li>
                ))}
              </ul>
            </Alert>
          ) : (
            <EraseDialog expected={shown} erase={erasePersonAction.bind(null, bound)} />
          )}
        </Card>
      </div>
    </>
  );
}
