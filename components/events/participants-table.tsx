import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { answerText, certificateState, type ParticipantRow } from "@/lib/events/participants";
import type { Page, SearchParams } from "@/lib/pagination";
import { ParticipantRowActions } from "./participant-row-actions";
import { WaitlistBadge } from "./waitlist-badge";

const tones = { REGISTERED: "green", RESERVE: "amber", CANCELLED: "gray" } as const;

interface ParticipantsTableProps {
  eventId: string;
  basePath: string;
  params: SearchParams;
  page: Page<ParticipantRow>;
  timeZone: string;
  /** Staff may cancel here (main events; a session's copies follow their main registration). */
  canCancel: boolean;
}

/** Participants of an event, paginated, with check-in and cancel per row; answers shortened to one line each. */
export async function ParticipantsTable({ eventId, basePath, params, page, timeZone, canCancel }: ParticipantsTableProps) {
  const [t, tc, tr, ts, format] = await Promise.all([
    getTranslations("events.admin"),
    getTranslations("common"),
    getTranslations("events.registrationStatus"),
    getTranslations("events.source"),
    getFormatter(),
  ]);
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "short", timeStyle: "short", timeZone }) : tc("none"));
  const yesNo = { yes: tc("yes"), no: tc("no") };
  return (
    <>
      <DataTable
        caption={t("participants")}
        rows={page.rows}
        rowKey={(r) => r.id}
        empty={t("noParticipants")}
        columns={[
          // Nine facts in six columns, so that at a laptop's width the answers and the row's actions fit beside them.
          {
            header: tc("name"),
            className: "@2xl:min-w-44",
            cell: (r) => (
              <>
                <span className="font-medium">{r.name}</span>
                <span className="block text-xs break-all text-slate-600">{r.email}</span>
              </>
            ),
          },
          {
            header: tc("status"),
            cell: (r) => (
              <>
                <Badge tone={tones[r.status]}>
                  {r.status === "RESERVE" && r.reservePosition ? t("reserveAt", { position: r.reservePosition }) : tr(r.status)}
                </Badge>
                <WaitlistBadge {...r} timeZone={timeZone} />
              </>
            ),
          },
          {
            header: t("registeredAt"),
            cell: (r) => (
              <>
                <span className="whitespace-nowrap">{when(r.registeredAt)}</span>
                <span className="block text-xs text-slate-600">
                  {t("source")}: {ts(r.source)}
                </span>
              </>
            ),
          },
          {
            header: t("attendedAt"),
            cell: (r) => (
              <>
                <span className="whitespace-nowrap">{when(r.attendedAt)}</span>
                {r.sessionCount > 0 ? (
                  <span className="block text-xs whitespace-nowrap text-slate-700">
                    {t("sessionsAttended", { attended: r.sessionsAttended, total: r.sessionCount })}
                  </span>
                ) : null}
                <span className="block text-xs text-slate-600">
                  {t("certificate")}:{" "}
                  {r.certificateId ? (
                    <a href={`/api/certificates/${r.certificateId}`} className="text-indigo-700 underline">
                      {t("certificateState.issued")}
                    </a>
                  ) : (
                    t(`certificateState.${certificateState(r)}`)
                  )}
                </span>
              </>
            ),
          },
          {
            header: t("answers"),
            cell: (r) =>
              r.answers.length === 0 ? (
                tc("none")
              ) : (
                <ul className="space-y-0.5 text-xs @2xl:max-w-56">
                  {r.answers.map((a, i) => (
                    <li key={a.question?.id ?? i} className="@2xl:truncate" title={`${a.question?.label}: ${answerText(a.value, yesNo)}`}>
                      <span className="font-medium">{a.question?.label}:</span> {answerText(a.value, yesNo) || tc("none")}
                    </li>
                  ))}
                </ul>
              ),
          },
          {
            header: tc("actions"),
            actions: true,
            cell: (r) => (
              <ParticipantRowActions
                eventId={eventId}
                registrationId={r.id}
                name={r.name}
                status={r.status}
                attended={Boolean(r.attendedAt)}
                canCancel={canCancel}
              />
            ),
          },
        ]}
      />
      <Pagination basePath={basePath} params={params} page={page.page} pageCount={page.pageCount} total={page.total} />
    </>
  );
}
