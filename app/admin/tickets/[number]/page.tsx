// The staff ticket page: the view comes from
// staffTicketView (fields under the staff rules, internal notes and files
// included) and every form is bound to a staff action for this ticket.
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { AddFilesForm } from "@/components/tickets/add-files-form";
import { TicketAttachments } from "@/components/tickets/attachments";
import { Discussion } from "@/components/tickets/discussion";
import { ForwardForm } from "@/components/tickets/forward-form";
import { ReplyForm } from "@/components/tickets/reply-form";
import { StageHistory } from "@/components/tickets/stage-history";
import { AssignForm } from "@/components/tickets/staff/assign-form";
import { CancelTicketDialog } from "@/components/tickets/staff/cancel-ticket-dialog";
import { DeleteTicketButton } from "@/components/tickets/staff/delete-ticket-button";
import { UnderstandingEditor } from "@/components/tickets/staff/understanding-editor";
import { TicketFieldsDisplay } from "@/components/tickets/ticket-fields";
import { TicketSummary } from "@/components/tickets/ticket-summary";
import { UnderstandingPanel } from "@/components/tickets/understanding-panel";
import { Alert } from "@/components/ui/alert";
import { Card, PageHeader } from "@/components/ui/page-header";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { TicketStatus } from "@/lib/generated/prisma/enums";
import { orNotFound } from "@/lib/or-not-found";
import { uploadMaxBytes } from "@/lib/storage";
import { activeStaffOptions } from "@/lib/tickets/settings/shared";
import {
  cancelTicketAction,
  deleteTicketAction,
  staffAddTicketMessageAction,
  staffAssignTicketAction,
  staffAttachTicketFilesAction,
  staffForwardTicketAction,
  staffSaveTicketValuesAction,
  staffSaveUnderstandingAction,
} from "@/lib/tickets/staff-actions";
import { staffTicketView } from "@/lib/tickets/views";

export async function generateMetadata({ params }: { params: Promise<{ number: string }> }) {
  return { title: (await getTranslations("tickets.staff"))("ticketTitle", { number: (await params).number.slice(0, 12) }) };
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card>
      <h2 className="mb-4 text-lg font-medium">{title}</h2>
      {children}
    </Card>
  );
}

export default async function StaffTicketPage({
  params,
  searchParams,
}: {
  params: Promise<{ number: string }>;
  searchParams: Promise<{ cancelled?: string }>;
}) {
  const actor = await requireStaff();
  const [raw, { cancelled }] = await Promise.all([params.then((p) => p.number), searchParams]);
  // "12" only: anything else is not a ticket number and answers 404.
  const number = /^\d{1,9}$/.test(raw) ? Number(raw) : 0;
  const [t, tf, locale] = await Promise.all([getTranslations("tickets.staff"), getTranslations("tickets.fields"), getLocale()]);
  const view = await orNotFound(staffTicketView(db, actor, number, locale));
  const staff = view.can.assign ? (await activeStaffOptions(db)).map(({ id, name }) => ({ id, name })) : [];
  const maxMb = Math.round(uploadMaxBytes() / (1024 * 1024));

  return (
    <>
      <PageHeader
        title={t("ticketTitle", { number: view.number })}
        description={view.subject}
        actions={
          <>
            {view.can.cancel ? <CancelTicketDialog number={view.number} action={cancelTicketAction.bind(null, view.id)} /> : null}
            {view.can.delete ? <DeleteTicketButton number={view.number} fileCount={view.files.length} action={deleteTicketAction.bind(null, view.id)} /> : null}
            <Link href="/admin/tickets" className="self-center text-sm text-indigo-700 underline">
              {t("backToQueue")}
            </Link>
          </>
        }
      />
      {view.status === TicketStatus.CANCELLED && cancelled === "1" ? (
        <div className="mb-4">
          <Alert tone="success">{t("cancelledConfirmation")}</Alert>
        </div>
      ) : null}
      {view.status === TicketStatus.CANCELLED ? (
        <div className="mb-4">
          <Alert tone="warning">{t("cancelledNotice", { reason: view.cancelReason ?? "" })}</Alert>
        </div>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <div className="min-w-0 space-y-6">
          <Section title={t("description")}>
            <p className="break-words whitespace-pre-wrap text-slate-800">{view.description}</p>
          </Section>
          <Section title={t("understanding")}>
            <UnderstandingPanel
              understanding={view.understanding}
              state={view.understandingState}
              shared={view.understandingShared}
              audience="staff"
              actions={
                view.can.editUnderstanding ? (
                  <UnderstandingEditor key={view.understanding} understanding={view.understanding} action={staffSaveUnderstandingAction.bind(null, view.id)} />
                ) : undefined
              }
            />
          </Section>
          <Section title={view.can.forward ? t("parametersAndForward") : tf("title")}>
            {view.can.forward && view.transitions.length > 0 ? (
              <ForwardForm
                key={view.stageEnteredAt.getTime()}
                audience="staff"
                clientStage={view.responsible === "CLIENT"}
                fields={view.fields}
                transitions={view.transitions}
                action={staffForwardTicketAction.bind(null, view.id)}
                saveAction={staffSaveTicketValuesAction.bind(null, view.id)}
              />
            ) : (
              <>
                <TicketFieldsDisplay fields={view.fields} />
                {view.can.forward ? <p className="mt-4 text-sm text-slate-600">{t("noTransitions")}</p> : null}
              </>
            )}
          </Section>
          <Section title={t("discussion")}>
            <Discussion
              messages={view.messages}
              replyForm={
                view.can.message ? (
                  <ReplyForm action={staffAddTicketMessageAction.bind(null, view.id)} maxMb={maxMb} allowInternal={view.can.internalNote} />
                ) : undefined
              }
              closedNotice={<p className="text-sm text-slate-600">{t("closedNotice")}</p>}
            />
          </Section>
        </div>
        <div className="min-w-0 space-y-6">
          <Section title={t("summary")}>
            <TicketSummary ticket={view} audience="staff" />
          </Section>
          {view.can.assign ? (
            <Section title={t("assignment")}>
              <AssignForm
                key={view.assignee?.id ?? "none"}
                assigneeId={view.assignee?.id ?? null}
                meId={actor.userId}
                staff={staff}
                action={staffAssignTicketAction.bind(null, view.id)}
              />
            </Section>
          ) : null}
          <Section title={t("attachments")}>
            <TicketAttachments
              files={view.files}
              addForm={view.can.attach ? <AddFilesForm action={staffAttachTicketFilesAction.bind(null, view.id)} maxMb={maxMb} allowInternal /> : undefined}
            />
          </Section>
        </div>
      </div>
      <Card className="mt-6">
        <h2 className="mb-4 text-lg font-medium">{t("history")}</h2>
        <StageHistory history={view.history} />
      </Card>
    </>
  );
}
