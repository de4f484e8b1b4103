// A ticket's discussion: the thread view with the ticket's words. The client's
// decisions on the understanding stand out; internal notes (present only in
// staff views, lib/tickets/views.ts) carry an "Internal" badge.
// No "use client": it renders on the server and inside client components alike.
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { ThreadView } from "@/components/threads/thread-view";
import { TicketMessageKind } from "@/lib/generated/prisma/enums";
import type { TicketMessageView } from "@/lib/tickets/views";
import { useTicketFileLabels } from "./attachments";

/** The messages, then the reply form (passed in, so each audience binds its own action). */
export function Discussion({ messages, replyForm, closedNotice }: { messages: TicketMessageView[]; replyForm?: ReactNode; closedNotice?: ReactNode }) {
  const t = useTranslations("tickets.discussion");
  const files = useTicketFileLabels();
  const outcome = (kind: TicketMessageKind) =>
    kind === TicketMessageKind.UNDERSTANDING_APPROVED
      ? { text: t("approved"), approved: true }
      : kind === TicketMessageKind.UNDERSTANDING_REJECTED
        ? { text: t("rejected"), approved: false }
        : undefined;
  return (
    <ThreadView
      messages={messages.map((m) => ({ ...m, internal: m.kind === TicketMessageKind.INTERNAL_NOTE, outcome: outcome(m.kind) }))}
      labels={{ title: t("title"), empty: t("empty"), staff: t("staff"), client: t("client"), internal: t("internal"), files }}
      after={replyForm ?? closedNotice ?? null}
    />
  );
}
