// The stage history: every stage passed, with
// condition, reason, who moved it (a portal move is recorded through the
// default attendant, "via portal by" the client), when, and the time it spent
// in the stage it left. No "use client": server and client alike.
import { useFormatter, useTranslations } from "next-intl";
import { DataTable } from "@/components/ui/data-table";
import type { TicketMovementView } from "@/lib/tickets/views";
import { durationParts } from "./duration";

export function useDurationText() {
  const t = useTranslations("tickets.history.duration");
  return (ms: number) => {
    const parts = durationParts(ms);
    return parts.length === 0 ? t("underMinute") : parts.map((p) => t(p.unit, { n: p.value })).join(" ");
  };
}

export function StageHistory({ history }: { history: TicketMovementView[] }) {
  const t = useTranslations("tickets.history");
  const format = useFormatter();
  const duration = useDurationText();
  if (history.length === 0) return <p className="text-sm text-slate-600">{t("empty")}</p>;
  return (
    <DataTable
      caption={t("title")}
      rows={history}
      rowKey={(m) => m.id}
      empty={t("empty")}
      columns={[
        { header: t("from"), cell: (m) => m.fromStageName ?? t("start") },
        { header: t("to"), className: "font-medium", cell: (m) => m.toStageName },
        { header: t("condition"), cell: (m) => m.conditionName },
        { header: t("reason"), className: "whitespace-pre-wrap @2xl:max-w-xs", cell: (m) => m.reason },
        {
          header: t("who"),
          cell: (m) => (
            <>
              {m.actorName}
              {m.clientName ? <span className="block text-xs text-slate-600">{t("viaPortal", { client: m.clientName })}</span> : null}
              {m.onBehalfOfClient ? <span className="block text-xs text-slate-600">{t("onBehalfOfClient")}</span> : null}
            </>
          ),
        },
        {
          header: t("when"),
          className: "whitespace-nowrap",
          cell: (m) => <time dateTime={m.createdAt.toISOString()}>{format.dateTime(m.createdAt, { dateStyle: "medium", timeStyle: "short" })}</time>,
        },
        { header: t("timeSpent"), className: "whitespace-nowrap", cell: (m) => duration(m.timeSpentMs) },
      ]}
    />
  );
}
