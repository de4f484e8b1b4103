import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { EventFacts } from "@/components/events/event-facts";
import { RegistrationBadge } from "@/components/events/registration-badge";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { SearchForm } from "@/components/ui/search-form";
import { Markdown } from "@/components/ui/markdown";
import { ownNationalId } from "@/lib/account/cpf";
import { requireClient } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listMyRegistrations, listOpenEvents } from "@/lib/events/portal-events";
import { first, parseListQuery, type SearchParams } from "@/lib/pagination";

export default async function PortalEventsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireClient();
  const params = await searchParams;
  const mine = first(params.view) === "mine";
  const query = parseListQuery(params, 10);
  const [t, format, nationalId] = await Promise.all([getTranslations("events.portal"), getFormatter(), ownNationalId(db, actor)]);
  const tab = (active: boolean) => `rounded-md px-3 py-2 text-sm ${active ? "bg-indigo-700 text-white" : "text-slate-700 hover:bg-slate-100"}`;
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      {!nationalId.missing ? null : (
        <div className="mb-4">
          <Alert tone="warning">
            {nationalId.setting.mode === "other" ? t("nationalIdMissing", { label: nationalId.setting.label }) : t("cpfMissing")}{" "}
            <Link href="/portal/profile" className="underline">
              {nationalId.setting.mode === "other" ? t("addNationalId", { label: nationalId.setting.label }) : t("addCpf")}
            </Link>
          </Alert>
        </div>
      )}
      <nav aria-label={t("title")} className="mb-4 flex gap-2">
        <Link href="/portal/events" className={tab(!mine)} aria-current={!mine ? "page" : undefined}>
          {t("open")}
        </Link>
        <Link href="/portal/events?view=mine" className={tab(mine)} aria-current={mine ? "page" : undefined}>
          {t("mine")}
        </Link>
      </nav>
      {mine ? (
        <MyEvents actorPage={await listMyRegistrations(db, actor, query)} params={params} format={format} t={t} tcert={await getTranslations("certificates")} />
      ) : (
        <OpenEvents page={await listOpenEvents(db, actor, query)} params={params} q={query.q} t={t} />
      )}
    </>
  );
}

type T = Awaited<ReturnType<typeof getTranslations<"events.portal">>>;

async function OpenEvents({ page, params, q, t }: { page: Awaited<ReturnType<typeof listOpenEvents>>; params: SearchParams; q: string; t: T }) {
  return (
    <>
      <SearchForm q={q}>
        <input type="hidden" name="view" value="open" />
      </SearchForm>
      {page.rows.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 p-8 text-center text-sm text-slate-600">{q ? t("noMatches") : t("noOpenEvents")}</p>
      ) : (
        <ul className="space-y-4">
          {page.rows.map((event) => (
            <li key={event.id}>
              <Card>
                <h2 className="text-lg font-medium">
                  <Link href={`/portal/events/${event.number}`} className="text-indigo-800 underline">
                    {event.name}
                  </Link>{" "}
                  {event.status === "CONFIRMED" ? <Badge tone="green">{t("confirmed")}</Badge> : null}
                </h2>
                {event.description ? <Markdown source={event.description} className="mt-1 mb-3 line-clamp-3 text-sm" /> : null}
                <EventFacts event={event} />
              </Card>
            </li>
          ))}
        </ul>
      )}
      <Pagination basePath="/portal/events" params={params} page={page.page} pageCount={page.pageCount} total={page.total} />
    </>
  );
}

function MyEvents({
  actorPage,
  params,
  format,
  t,
  tcert,
}: {
  actorPage: Awaited<ReturnType<typeof listMyRegistrations>>;
  params: SearchParams;
  format: Awaited<ReturnType<typeof getFormatter>>;
  t: T;
  tcert: Awaited<ReturnType<typeof getTranslations<"certificates">>>;
}) {
  if (actorPage.rows.length === 0)
    return <p className="rounded-md border border-dashed border-slate-300 p-8 text-center text-sm text-slate-600">{t("noRegistrations")}</p>;
  return (
    <>
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {actorPage.rows.map((r) => (
          <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
            <div>
              <Link href={`/portal/events/${r.event.number}`} className="font-medium text-indigo-800 underline">
                {r.event.name}
              </Link>
              <p className="text-sm text-slate-600">
                {format.dateTime(r.event.startsAt, { dateStyle: "medium", timeStyle: "short", timeZone: r.event.timeZone })}
              </p>
            </div>
            <div className="flex items-center gap-3">
              {r.certificate ? (
                <a href={`/api/certificates/${r.certificate.id}`} className="text-sm text-indigo-700 underline">
                  {tcert("download")}
                </a>
              ) : null}
              <RegistrationBadge status={r.status} position={r.reservePosition} />
            </div>
          </li>
        ))}
      </ul>
      <Pagination basePath="/portal/events" params={params} page={actorPage.page} pageCount={actorPage.pageCount} total={actorPage.total} />
    </>
  );
}
