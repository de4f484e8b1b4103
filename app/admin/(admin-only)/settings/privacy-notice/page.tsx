import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { SettingsFormHeader } from "@/app/admin/settings/settings-list-header";
import { NoticeForm } from "@/components/privacy/notice-form";
import { Markdown } from "@/components/ui/markdown";
import { Card } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requireAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { defaultLocale, isLocale, localeNames } from "@/lib/i18n/config";
import { first, parseListQuery, type SearchParams } from "@/lib/pagination";
import { noticeHistory, noticeOverview } from "@/lib/privacy/notice";

export async function generateMetadata() {
  return { title: (await getTranslations("privacy.notice"))("title") };
}

// Settings → Privacy notice, one language at a time (?lang=): the text in
// force, the form that saves a new version, and every earlier version.
export default async function PrivacyNoticePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireAdmin();
  const params = await searchParams;
  const lang = first(params.lang);
  const locale = isLocale(lang) ? lang : defaultLocale;
  const [t, format, overview, history] = await Promise.all([
    getTranslations("privacy.notice"),
    getFormatter(),
    noticeOverview(db, actor),
    noticeHistory(db, actor, locale, parseListQuery(params, 10)),
  ]);
  const current = overview.find((o) => o.locale === locale)?.current ?? null;
  return (
    <>
      <SettingsFormHeader title={t("title")} backHref="/admin/settings" />
      <p className="-mt-4 mb-6 max-w-2xl text-sm text-slate-600">{t("help")}</p>
      <nav aria-label={t("languages")} className="mb-4 flex flex-wrap gap-2">
        {overview.map((o) => (
          <Link
            key={o.locale}
            href={`/admin/settings/privacy-notice?lang=${encodeURIComponent(o.locale)}`}
            aria-current={o.locale === locale ? "page" : undefined}
            className={`rounded-md border px-3 py-1.5 text-sm focus-visible:ring-2 focus-visible:ring-indigo-600 ${
              o.locale === locale ? "border-indigo-700 bg-indigo-50 font-medium text-indigo-800" : "border-slate-300 hover:bg-slate-50"
            }`}
          >
            {localeNames[o.locale]} · {o.current && o.current.body ? t("versionShort", { version: o.current.version }) : t("none")}
          </Link>
        ))}
      </nav>
      <Card className="mb-6 max-w-3xl">
        <p className="mb-4 text-sm text-slate-700">
          {current && current.body
            ? t("inForce", { version: current.version, date: format.dateTime(current.createdAt, { dateStyle: "medium", timeStyle: "short" }) })
            : t("notInForce")}
        </p>
        <NoticeForm defaults={{ locale, body: current?.body ?? "" }} languageName={localeNames[locale]} />
      </Card>
      <section aria-labelledby="notice-history" className="max-w-3xl">
        <h2 id="notice-history" className="mb-3 text-lg font-medium">
          {t("history")}
        </h2>
        {history.rows.length === 0 ? (
          <p className="text-sm text-slate-600">{t("historyEmpty")}</p>
        ) : (
          <ul className="space-y-2">
            {history.rows.map((v) => (
              <li key={v.id} className="rounded-md border border-slate-200 bg-white">
                <details>
                  <summary className="cursor-pointer px-4 py-2 text-sm focus-visible:ring-2 focus-visible:ring-indigo-600">
                    {t("versionLine", {
                      version: v.version,
                      date: format.dateTime(v.createdAt, { dateStyle: "medium", timeStyle: "short" }),
                      name: v.createdByName ?? "—",
                    })}
                    {v.body ? null : ` · ${t("withdrawn")}`}
                  </summary>
                  <div className="border-t border-slate-200 px-4 py-3 text-sm">{v.body ? <Markdown source={v.body} /> : t("withdrawnHelp")}</div>
                </details>
              </li>
            ))}
          </ul>
        )}
        <Pagination basePath="/admin/settings/privacy-notice" params={params} page={history.page} pageCount={history.pageCount} total={history.total} />
      </section>
    </>
  );
}
