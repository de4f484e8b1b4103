// To the client who opened a ticket: the ticket is now their
// responsibility, staff replied publicly, it was completed, or an administrator
// cancelled it (with the reason they had to give). Texts under
// "email.ticketClientNotice"; never carries internal notes.
import { Button, Section, Text } from "@react-email/components";
import { EmailLayout, styles } from "../layout";
import { defineTemplate } from "../template";

export interface TicketClientNoticeProps {
  kind: "yourTurn" | "reply" | "completed" | "cancelled";
  name: string;
  number: number;
  subject: string;
  stageName: string;
  /** The public reply's text, for kind "reply"; the reason, for kind "cancelled". */
  excerpt: string | null;
  url: string;
}

const subjects = {
  yourTurn: "email.ticketClientNotice.subjectYourTurn",
  reply: "email.ticketClientNotice.subjectReply",
  completed: "email.ticketClientNotice.subjectCompleted",
  cancelled: "email.ticketClientNotice.subjectCancelled",
} as const;
const bodies = {
  yourTurn: "email.ticketClientNotice.yourTurn",
  reply: "email.ticketClientNotice.reply",
  completed: "email.ticketClientNotice.completed",
  cancelled: "email.ticketClientNotice.cancelled",
} as const;

export const ticketClientNotice = defineTemplate<TicketClientNoticeProps>({
  subject: (t, p) => t(subjects[p.kind], { number: p.number, subject: p.subject }),
  example: {
    kind: "yourTurn",
    name: "Ada Lovelace",
    number: 1042,
    subject: "Printer offline",
    stageName: "Client review",
    excerpt: null,
    url: "https://portico.example/portal/tickets/1042",
  },
  Component: ({ t, locale, ...p }) => {
    const body = t(bodies[p.kind], { number: p.number, subject: p.subject, stage: p.stageName });
    return (
      <EmailLayout t={t} locale={locale} preview={body}>
        <Text style={styles.text}>{t("email.ticketClientNotice.greeting", { name: p.name })}</Text>
        <Text style={styles.text}>{body}</Text>
        {p.excerpt && p.kind === "cancelled" ? <Text style={styles.text}>{t("email.ticketClientNotice.reason", { reason: p.excerpt })}</Text> : null}
        {p.excerpt && p.kind !== "cancelled" ? <Text style={styles.muted}>{p.excerpt}</Text> : null}
        <Section style={{ margin: "24px 0" }}>
          <Button href={p.url} style={styles.button}>
            {t("email.ticketClientNotice.action")}
          </Button>
        </Section>
      </EmailLayout>
    );
  },
});
