// A certificate was issued: the PDF is attached; the e-mail
// gives its verification code and link. Texts under "email.certificateIssued".
import { Link, Text } from "@react-email/components";
import { EmailLayout, styles } from "../layout";
import { defineTemplate } from "../template";

export interface CertificateIssuedProps {
  name: string;
  eventName: string;
  code: string;
  verifyUrl: string;
  /** Portal users can also download it from the event's page there. */
  portalUrl: string | null;
}

export const certificateIssued = defineTemplate<CertificateIssuedProps>({
  personal: ["name", "code", "verifyUrl"],
  priority: "BULK",
  subject: (t, p) => t("email.certificateIssued.subject", { event: p.eventName }),
  example: {
    name: "Ana Souza",
    eventName: "Onboarding training",
    code: "K7Q2M9XW4P",
    verifyUrl: "https://portico.example/certificates/verify/K7Q2M9XW4P",
    portalUrl: "https://portico.example/portal/events/42",
  },
  Component: ({ t, locale, ...p }) => {
    const body = t("email.certificateIssued.body", { event: p.eventName });
    return (
      <EmailLayout t={t} locale={locale} preview={body}>
        <Text style={styles.text}>{t("email.certificateIssued.greeting", { name: p.name })}</Text>
        <Text style={styles.text}>{body}</Text>
        <Text style={styles.text}>
          {t("email.certificateIssued.verify", { code: p.code })} <Link href={p.verifyUrl}>{p.verifyUrl}</Link>
        </Text>
        {p.portalUrl ? (
          <Text style={styles.muted}>
            {t("email.certificateIssued.portal")} <Link href={p.portalUrl}>{p.portalUrl}</Link>
          </Text>
        ) : null}
      </EmailLayout>
    );
  },
});
