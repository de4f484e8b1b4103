// The facts of a ticket: number, group, type, stage, status, whose turn,
// customer, who opened it, dates, and the cancellation reason. Staff views add
// the attendant, team, guest request and its requester's contact. No "use client": server and client alike.
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { TicketStatus } from "@/lib/generated/prisma/enums";
import type { TicketView } from "@/lib/tickets/views";
import { TicketStatusBadge, TurnBadge, type TicketAudience } from "./ticket-badges";

export function TicketSummary({ ticket, audience = "portal" }: { ticket: TicketView; audience?: TicketAudience }) {
  const t = useTranslations("tickets.summary");
  const format = useFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const rows: [string, ReactNode][] = [
    [t("number"), `#${ticket.number}`],
    [t("group"), ticket.groupName],
    [t("type"), ticket.typeName],
    [t("stage"), ticket.stageName],
    [
      t("status"),
      <span key="status" className="flex flex-wrap gap-2">
        <TicketStatusBadge status={ticket.status} />
        <TurnBadge status={ticket.status} responsible={ticket.responsible} audience={audience} />
      </span>,
    ],
    [t("customer"), ticket.customerName ?? t("noCustomer")],
    [t("openedBy"), ticket.openedByName ?? t("unknown")],
  ];
  if (audience === "staff") {
    rows.push([t("assignee"), ticket.assignee?.name ?? t("unassigned")]);
    if (ticket.teamName) rows.push([t("team"), ticket.teamName]);
    if (ticket.guestRequestNumber !== null)
      rows.push([
        t("guestRequest"),
        <Link key="guest" href={`/admin/guest-requests/${ticket.guestRequestNumber}`} className="text-indigo-700 underline">
          #{ticket.guestRequestNumber}
        </Link>,
      ]);
    if (ticket.requester) {
      const { name, email, phone } = ticket.requester;
      rows.push([
        t("requester"),
        <span key="requester" className="flex flex-col">
          <span>{name ?? t("unknown")}</span>
          {email ? (
            <a href={`mailto:${email}`} className="text-indigo-700 underline">
              {email}
            </a>
          ) : null}
          {phone ? (
            <a href={`tel:${phone.replace(/[^+\d]/g, "")}`} className="text-indigo-700 underline">
              {phone}
            </a>
          ) : null}
        </span>,
      ]);
    }
  }
  rows.push([t("openedAt"), when(ticket.createdAt)], [t("updatedAt"), when(ticket.updatedAt)]);
  if (ticket.status === TicketStatus.OPEN) rows.push([t("inStageSince"), when(ticket.stageEnteredAt)]);
  if (ticket.completedAt) rows.push([t("completedAt"), when(ticket.completedAt)]);
  if (ticket.cancelledAt) rows.push([t("cancelledAt"), when(ticket.cancelledAt)]);
  if (ticket.status === TicketStatus.CANCELLED && ticket.cancelReason)
    rows.push([
      t("cancelReason"),
      <span key="reason" className="whitespace-pre-wrap">
        {ticket.cancelReason}
      </span>,
    ]);

  return (
    <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[minmax(9rem,auto)_1fr]">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-medium text-slate-700">{label}</dt>
          <dd className="text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
