// A participant without a CPF on file is asked for it once (a certificate is
// issued only to a participant whose CPF is on file). The number is named as
// the installation's national id setting names it; a public registrant gets a
// private link of their own to add it. Texts under "email.certificateCpfRequest".
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
  /** The profile page (portal), a public registrant's own private link, or the public event page; null when there is none to show. */
  actionUrl: string | null;
  /** Whether actionUrl is the registrant's private link (issued for this e-mail). */
  privateLink?: boolean;
  /** The number's name: "CPF", or the label of the installation's other national id (rows queued before it existed: CPF). */
  label?: string;
}

export const certificateCpfRequest = defineTemplate<CertificateCpfRequestProps>({
  personal: ["name", "actionUrl"],
  priority: "BULK",
  subject: (t, p) => t("email.certificateCpfRequest.subject", { event: p.eventName, label: p.label ?? "CPF" }),
  example: {
    name: "Ana Souza",
    eventName: "Onboarding training",
    deadline: new Date("2026-03-27T15:00:00Z"),
    portal: true,
    actionUrl: "https://portico.example/portal/profile",
  },
  Component: ({ t, locale, ...p }) => {
    const label = p.label ?? "CPF";
    const body = t("email.certificateCpfRequest.body", { event: p.eventName, deadline: p.deadline, label });
    const how = p.portal ? "howPortal" : p.privateLink ? "howPublicLink" : "howPublic";
    const action = p.portal ? "actionPortal" : p.privateLink ? "actionPublicLink" : "actionPublic";
    return (
      <EmailLayout t={t} locale={locale} preview={body}>
        <Text style={styles.text}>{t("email.certificateCpfRequest.greeting", { name: p.name })}</Text>
        <Text style={styles.text}>{body}</Text>
        <Text style={styles.text}>{t(`email.certificateCpfRequest.${how}`, { label })}</Text>
        {p.actionUrl ? (
          <Section style={{ margin: "24px 0" }}>
            <Button href={p.actionUrl} style={styles.button}>
              {t(`email.certificateCpfRequest.${action}`, { label })}
            </Button>
          </Section>
        ) : null}
      </EmailLayout>
    );
  },
});
