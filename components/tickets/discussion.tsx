// A ticket's discussion, oldest first: author, time in the viewer's time zone,
// a staff/client marker, text kept as typed (never HTML), files as download
// links through /api/files/<id> (which checks who may read them). The client's
// decisions on the understanding stand out; internal notes (present only in
// staff views, lib/tickets/views.ts) carry an "Internal" badge.
// No "use client": it renders on the server and inside client components alike.
import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { TicketMessageKind } from "@/lib/generated/prisma/enums";
import type { TicketMessageView } from "@/lib/tickets/views";
import { FileLinks } from "./attachments";

const frame: Record<TicketMessageKind, string> = {
  [TicketMessageKind.COMMENT]: "border-slate-200 bg-white",
  [TicketMessageKind.INTERNAL_NOTE]: "border-amber-300 bg-amber-50",
  [TicketMessageKind.UNDERSTANDING_APPROVED]: "border-green-300 bg-green-50",
  [TicketMessageKind.UNDERSTANDING_REJECTED]: "border-red-300 bg-red-50",
};

function MessageItem({ message: m }: { message: TicketMessageView }) {
  const t = useTranslations("tickets.discussion");
  const format = useFormatter();
  const decision = m.kind === TicketMessageKind.UNDERSTANDING_APPROVED || m.kind === TicketMessageKind.UNDERSTANDING_REJECTED;
  const staffFrame = m.kind === TicketMessageKind.COMMENT && m.fromStaff ? "border-indigo-200 bg-indigo-50" : frame[m.kind];
  return (
    <li className={`rounded-lg border p-4 ${staffFrame}`}>
      <div className="mb-2 flex flex-wrap items-center gap-2 text-sm">
        <span className="font-medium text-slate-900">{m.authorName}</span>
        <Badge tone={m.fromStaff ? "blue" : "gray"}>{m.fromStaff ? t("staff") : t("client")}</Badge>
        {m.kind === TicketMessageKind.INTERNAL_NOTE ? <Badge tone="amber">{t("internal")}</Badge> : null}
        <time dateTime={m.createdAt.toISOString()} className="text-slate-600">
          {format.dateTime(m.createdAt, { dateStyle: "medium", timeStyle: "short" })}
        </time>
      </div>
      {decision ? (
        <p className={`font-medium ${m.kind === TicketMessageKind.UNDERSTANDING_APPROVED ? "text-green-900" : "text-red-900"}`}>
          {m.kind === TicketMessageKind.UNDERSTANDING_APPROVED ? t("approved") : t("rejected")}
          {m.body ? <span className="whitespace-pre-wrap break-words font-normal text-slate-800">: {m.body}</span> : null}
        </p>
      ) : m.body ? (
        <p className="whitespace-pre-wrap break-words text-slate-800">{m.body}</p>
      ) : null}
      {m.files.length > 0 ? <FileLinks files={m.files} className="mt-3" /> : null}
    </li>
  );
}

/** The messages, then the reply form (passed in, so each audience binds its own action). */
export function Discussion({ messages, replyForm, closedNotice }: { messages: TicketMessageView[]; replyForm?: ReactNode; closedNotice?: ReactNode }) {
  const t = useTranslations("tickets.discussion");
  return (
    <div className="space-y-4">
      {messages.length === 0 ? (
        <p className="text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <ol className="space-y-3" aria-label={t("title")}>
          {messages.map((m) => (
            <MessageItem key={m.id} message={m} />
          ))}
        </ol>
      )}
      {replyForm ?? closedNotice ?? null}
    </div>
  );
}
