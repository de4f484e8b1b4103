// The e-mailed sign-in link: one use, expires after `minutes`.
// Texts live under "email.signInLink" in the message catalogues.
import { Button, Section, Text } from "@react-email/components";
import { EmailLayout, styles } from "../layout";
import { defineTemplate } from "../template";

export interface SignInLinkProps {
  name: string;
  signInUrl: string;
  minutes: number;
}

export const signInLink = defineTemplate<SignInLinkProps>({
  subject: (t) => t("email.signInLink.subject"),
  example: { name: "Ada Lovelace", signInUrl: "https://portico.example/login/link/example-token", minutes: 15 },
  Component: ({ t, locale, name, signInUrl, minutes }) => (
    <EmailLayout t={t} locale={locale} preview={t("email.signInLink.subject")}>
      <Text style={styles.text}>{t("email.signInLink.greeting", { name })}</Text>
      <Text style={styles.text}>{t("email.signInLink.body")}</Text>
      <Section style={{ margin: "24px 0" }}>
        <Button href={signInUrl} style={styles.button}>
          {t("email.signInLink.action")}
        </Button>
      </Section>
      <Text style={styles.muted}>{t("email.signInLink.expiry", { minutes })}</Text>
      <Text style={styles.muted}>{t("email.signInLink.ignore")}</Text>
    </EmailLayout>
  ),
});
