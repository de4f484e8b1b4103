import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { AddFilesForm } from "@/components/tickets/add-files-form";
import { TicketAttachments } from "@/components/tickets/attachments";
import { DecisionButtons } from "@/components/tickets/decision-buttons";
import { Discussion } from "@/components/tickets/discussion";
import { ForwardForm } from "@/components/tickets/forward-form";
import { ReplyForm } from "@/components/tickets/reply-form";
import { StageHistory } from "@/components/tickets/stage-history";
import { TicketFieldsDisplay } from "@/components/tickets/ticket-fields";
import { TicketSummary } from "@/components/tickets/ticket-summary";
import { UnderstandingPanel } from "@/components/tickets/understanding-panel";
import { Alert } from "@/components/ui/alert";
import { Card, PageHeader } from "@/components/ui/page-header";
import { requireClient } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { StageResponsible, TicketStatus, UnderstandingState } from "@/lib/generated/prisma/enums";
import { orNotFound } from "@/lib/or-not-found";
import { first, type SearchParams } from "@/lib/pagination";
import { uploadMaxBytes } from "@/lib/storage";
import {
  addTicketMessageAction,
  attachTicketFilesAction,
  decideUnderstandingAction,
  forwardTicketAction,
  saveTicketValuesAction,
} from "@/lib/tickets/portal-actions";
import { clientTicketView } from "@/lib/tickets/views";

type Props = { params: Promise<{ number: string }>; searchParams: Promise<SearchParams> };

/** "12" only: anything else is not a ticket number (and answers 404 like someone else's ticket). */
const parseNumber = (raw: string) => (/^\d{1,9}$/.test(raw) ? Number(raw) : 0);

export async function generateMetadata({ params }: Props) {
  const { number } = await params;
  return { title: (await getTranslations("tickets.portal"))("ticketTitle", { number: parseNumber(number) }) };
}

export default async function PortalTicketPage({ params, searchParams }: Props) {
  const actor = await requireClient();
  const [{ number }, query, locale] = await Promise.all([params, searchParams, getLocale()]);
  const ticket = await orNotFound(clientTicketView(db, actor, parseNumber(number), locale));
  const t = await getTranslations("tickets");
  const maxMb = Math.round(uploadMaxBytes() / (1024 * 1024));
  const open = ticket.status === TicketStatus.OPEN;
  const showUnderstanding = ticket.understanding.trim().length > 0 || ticket.understandingState !== UnderstandingState.NONE;

  const notice =
    ticket.status === TicketStatus.COMPLETED ? (
      <Alert tone="success">{t("portal.readOnlyCompleted")}</Alert>
    ) : ticket.status === TicketStatus.CANCELLED ? (
      <Alert tone="warning">
        {t("portal.readOnlyCancelled")}
        {/* The reason the administrator had to give, in full. */}
        {ticket.cancelReason ? <span className="mt-1 block whitespace-pre-wrap">{t("portal.cancelReason", { reason: ticket.cancelReason })}</span> : null}
      </Alert>
    ) : ticket.responsible === StageResponsible.STAFF ? (
      <Alert tone="info">{t("portal.awaitingNotice")}</Alert>
    ) : (
      <Alert tone="warning">{ticket.can.decide ? t("portal.decideNotice") : t("portal.yourTurnNotice")}</Alert>
    );

  return (
    <>
      <PageHeader
        title={t("portal.ticketHeading", { number: ticket.number, subject: ticket.subject })}
        actions={
          <Link href="/portal/tickets" className="self-center text-sm text-indigo-700 underline">
            {t("portal.backToList")}
          </Link>
        }
      />
      <div className="mb-6 space-y-3">
        {first(query.opened) === "1" ? <Alert tone="success">{t("portal.opened", { number: ticket.number })}</Alert> : null}
        {notice}
      </div>
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <div className="space-y-6">
          <Card>
            <h2 className="mb-3 text-lg font-medium">{t("portal.description")}</h2>
            <p className="break-words whitespace-pre-wrap text-slate-800">{ticket.description}</p>
          </Card>
          {showUnderstanding ? (
            <Card>
              <h2 className="mb-3 text-lg font-medium">{t("understanding.title")}</h2>
              <UnderstandingPanel
                understanding={ticket.understanding}
                state={ticket.understandingState}
                actions={
                  ticket.can.decide ? <DecisionButtons transitions={ticket.transitions} action={decideUnderstandingAction.bind(null, ticket.id)} /> : undefined
                }
              />
            </Card>
          ) : null}
          <Card>
            <h2 className="mb-3 text-lg font-medium">{ticket.can.forward ? t("forward.title") : t("fields.title")}</h2>
            {ticket.can.forward ? (
              <ForwardForm
                fields={ticket.fields}
                transitions={ticket.transitions}
                action={forwardTicketAction.bind(null, ticket.id)}
                saveAction={saveTicketValuesAction.bind(null, ticket.id)}
              />
            ) : (
              <TicketFieldsDisplay fields={ticket.fields} />
            )}
          </Card>
          <Card>
            <h2 className="mb-3 text-lg font-medium">{t("discussion.title")}</h2>
            <Discussion
              messages={ticket.messages}
              replyForm={ticket.can.message ? <ReplyForm action={addTicketMessageAction.bind(null, ticket.id)} maxMb={maxMb} /> : undefined}
              closedNotice={open ? undefined : <p className="text-sm text-slate-600">{t("portal.discussionClosed")}</p>}
            />
          </Card>
        </div>
        <div className="space-y-6">
          <Card>
            <h2 className="mb-3 text-lg font-medium">{t("summary.title")}</h2>
            <TicketSummary ticket={ticket} />
          </Card>
          <Card>
            <h2 className="mb-3 text-lg font-medium">{t("files.title")}</h2>
            <TicketAttachments
              files={ticket.files}
              addForm={ticket.can.attach ? <AddFilesForm action={attachTicketFilesAction.bind(null, ticket.id)} maxMb={maxMb} /> : undefined}
            />
          </Card>
        </div>
      </div>
      <Card className="mt-6">
        <h2 className="mb-3 text-lg font-medium">{t("history.title")}</h2>
        <StageHistory history={ticket.history} />
      </Card>
    </>
  );
}
