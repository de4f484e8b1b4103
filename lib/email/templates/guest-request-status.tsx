// A guest portal request was opened into a ticket or closed: the
// requester hears about it, with the private status link.
// Texts under "email.guestRequestStatus".
import { Button, Section, Text } from "@react-email/components";
import { EmailLayout, styles } from "../layout";
import { defineTemplate } from "../template";

export interface GuestRequestStatusProps {
  name: string | null;
  number: number;
  event: "opened" | "closed";
  statusUrl: string;
}

const keys = {
  opened: { subject: "email.guestRequestStatus.subjectOpened", body: "email.guestRequestStatus.opened" },
  closed: { subject: "email.guestRequestStatus.subjectClosed", body: "email.guestRequestStatus.closed" },
} as const;

export const guestRequestStatus = defineTemplate<GuestRequestStatusProps>({
  subject: (t, p) => t(keys[p.event].subject, { number: p.number }),
  example: { name: "Ana Souza", number: 42, event: "opened", statusUrl: "https://portico.example/g/status/example-token" },
  Component: ({ t, locale, name, number, event, statusUrl }) => {
    const body = t(keys[event].body, { number });
    return (
      <EmailLayout t={t} locale={locale} preview={body}>
        <Text style={styles.text}>{name ? t("email.guestRequestStatus.greeting", { name }) : t("email.guestRequestStatus.greetingAnonymous")}</Text>
        <Text style={styles.text}>{body}</Text>
        <Section style={{ margin: "24px 0" }}>
          <Button href={statusUrl} style={styles.button}>
            {t("email.guestRequestStatus.action")}
          </Button>
        </Section>
      </EmailLayout>
    );
  },
});
