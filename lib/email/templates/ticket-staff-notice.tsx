// To the ticket's attendant: the client forwarded it,
// replied, or approved/rejected the understanding. Texts under
// "email.ticketStaffNotice".
import { Button, Section, Text } from "@react-email/components";
import { EmailLayout, styles } from "../layout";
import { defineTemplate } from "../template";

export interface TicketStaffNoticeProps {
  kind: "forwarded" | "reply" | "approved" | "rejected";
  name: string;
  clientName: string;
  number: number;
  subject: string;
  stageName: string;
  /** The client's message or reason. */
  excerpt: string | null;
  url: string;
}

const bodies = {
  forwarded: "email.ticketStaffNotice.forwarded",
  reply: "email.ticketStaffNotice.reply",
  approved: "email.ticketStaffNotice.approved",
  rejected: "email.ticketStaffNotice.rejected",
} as const;

export const ticketStaffNotice = defineTemplate<TicketStaffNoticeProps>({
  subject: (t, p) => t("email.ticketStaffNotice.subject", { number: p.number, subject: p.subject }),
  example: {
    kind: "rejected",
    name: "Sam Staff",
    clientName: "Ada Lovelace",
    number: 1042,
    subject: "Printer offline",
    stageName: "Analysis",
    excerpt: "The proposed fix does not cover the second floor.",
    url: "https://portico.example/admin/tickets/1042",
  },
  Component: ({ t, locale, ...p }) => {
    const body = t(bodies[p.kind], { client: p.clientName, number: p.number, stage: p.stageName });
    return (
      <EmailLayout t={t} locale={locale} preview={body}>
        <Text style={styles.text}>{t("email.ticketStaffNotice.greeting", { name: p.name })}</Text>
        <Text style={styles.text}>{body}</Text>
        {p.excerpt ? <Text style={styles.muted}>{p.excerpt}</Text> : null}
        <Section style={{ margin: "24px 0" }}>
          <Button href={p.url} style={styles.button}>
            {t("email.ticketStaffNotice.action")}
          </Button>
        </Section>
      </EmailLayout>
    );
  },
});
