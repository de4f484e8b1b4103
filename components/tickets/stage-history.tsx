// The stage history: every stage passed, with
// condition, reason, who moved it (a portal move is recorded through the
// default attendant, "via portal by" the client), when, and the time it spent
// in the stage it left. No "use client": server and client alike.
import { useFormatter, useTranslations } from "next-intl";
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
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{t("title")}</caption>
        <thead className="bg-slate-50">
          <tr>
            {[t("from"), t("to"), t("condition"), t("reason"), t("who"), t("when"), t("timeSpent")].map((h) => (
              <th key={h} scope="col" className="px-3 py-2 text-left font-medium text-slate-700">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {history.map((m) => (
            <tr key={m.id} className="align-top">
              <td className="px-3 py-2">{m.fromStageName ?? t("start")}</td>
              <td className="px-3 py-2 font-medium">{m.toStageName}</td>
              <td className="px-3 py-2">{m.conditionName}</td>
              <td className="max-w-xs whitespace-pre-wrap break-words px-3 py-2">{m.reason}</td>
              <td className="px-3 py-2">
                {m.actorName}
                {m.clientName ? <span className="block text-xs text-slate-600">{t("viaPortal", { client: m.clientName })}</span> : null}
                {m.onBehalfOfClient ? <span className="block text-xs text-slate-600">{t("onBehalfOfClient")}</span> : null}
              </td>
              <td className="whitespace-nowrap px-3 py-2">
                <time dateTime={m.createdAt.toISOString()}>{format.dateTime(m.createdAt, { dateStyle: "medium", timeStyle: "short" })}</time>
              </td>
              <td className="whitespace-nowrap px-3 py-2">{duration(m.timeSpentMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
