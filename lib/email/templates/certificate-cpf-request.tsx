// A participant without a CPF on file is asked for it once (a certificate is
// issued only to a participant whose CPF is on file). Texts under "email.certificateCpfRequest".
import { Button, Section, Text } from "@react-email/components";
import { EmailLayout, styles } from "../layout";
import { defineTemplate } from "../template";

export interface CertificateCpfRequestProps {
  name: string;
  eventName: string;
  /** The certificate can be issued until then (end + 15 days). */
  deadline: Date;
  /** Portal users add it in their profile; public registrants through their private link. */
  portal: boolean;
  /** The profile page (portal) or the public event page; null when there is none to show. */
  actionUrl: string | null;
}

export const certificateCpfRequest = defineTemplate<CertificateCpfRequestProps>({
  personal: ["name"],
  priority: "BULK",
  subject: (t, p) => t("email.certificateCpfRequest.subject", { event: p.eventName }),
  example: { name: "Ana Souza", eventName: "Onboarding training", deadline: new Date("2026-03-27T15:00:00Z"), portal: true, actionUrl: "https://portico.example/portal/profile" },
  Component: ({ t, locale, ...p }) => {
    const body = t("email.certificateCpfRequest.body", { event: p.eventName, deadline: p.deadline });
    return (
      <EmailLayout t={t} locale={locale} preview={body}>
        <Text style={styles.text}>{t("email.certificateCpfRequest.greeting", { name: p.name })}</Text>
        <Text style={styles.text}>{body}</Text>
        <Text style={styles.text}>{p.portal ? t("email.certificateCpfRequest.howPortal") : t("email.certificateCpfRequest.howPublic")}</Text>
        {p.actionUrl ? (
          <Section style={{ margin: "24px 0" }}>
            <Button href={p.actionUrl} style={styles.button}>
              {p.portal ? t("email.certificateCpfRequest.actionPortal") : t("email.certificateCpfRequest.actionPublic")}
            </Button>
          </Section>
        ) : null}
      </EmailLayout>
    );
  },
});
