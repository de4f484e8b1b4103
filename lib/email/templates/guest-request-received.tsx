// The receipt of a guest portal request, sent when the requester gave
// an e-mail address: the request number and the private status link.
// Texts under "email.guestRequestReceived".
import { Button, Section, Text } from "@react-email/components";
import { EmailLayout, styles } from "../layout";
import { defineTemplate } from "../template";

export interface GuestRequestReceivedProps {
  name: string | null;
  number: number;
  title: string | null;
  statusUrl: string;
}

export const guestRequestReceived = defineTemplate<GuestRequestReceivedProps>({
  subject: (t, p) => t("email.guestRequestReceived.subject", { number: p.number }),
  example: { name: "Ana Souza", number: 42, title: "Broken window in room 12", statusUrl: "https://portico.example/g/status/example-token" },
  Component: ({ t, locale, name, number, title, statusUrl }) => (
    <EmailLayout t={t} locale={locale} preview={t("email.guestRequestReceived.subject", { number })}>
      <Text style={styles.text}>{name ? t("email.guestRequestReceived.greeting", { name }) : t("email.guestRequestReceived.greetingAnonymous")}</Text>
      <Text style={styles.text}>{t("email.guestRequestReceived.body", { number })}</Text>
      {title ? <Text style={styles.text}>{t("email.guestRequestReceived.requestTitle", { title })}</Text> : null}
      <Section style={{ margin: "24px 0" }}>
        <Button href={statusUrl} style={styles.button}>
          {t("email.guestRequestReceived.action")}
        </Button>
      </Section>
      <Text style={styles.muted}>{t("email.guestRequestReceived.privateLink")}</Text>
    </EmailLayout>
  ),
});
