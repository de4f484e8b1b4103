// The password-reset e-mail: a one-time link that expires after `minutes`.
// Texts live under "email.passwordReset" in the message catalogues.
import { Button, Section, Text } from "@react-email/components";
import { EmailLayout, styles } from "../layout";
import { defineTemplate } from "../template";

export interface PasswordResetProps {
  name: string;
  resetUrl: string;
  minutes: number;
}

export const passwordReset = defineTemplate<PasswordResetProps>({
  subject: (t) => t("email.passwordReset.subject"),
  example: { name: "Ada Lovelace", resetUrl: "https://portico.example/reset-password/example-token", minutes: 60 },
  Component: ({ t, locale, name, resetUrl, minutes }) => (
    <EmailLayout t={t} locale={locale} preview={t("email.passwordReset.subject")}>
      <Text style={styles.text}>{t("email.passwordReset.greeting", { name })}</Text>
      <Text style={styles.text}>{t("email.passwordReset.body")}</Text>
      <Section style={{ margin: "24px 0" }}>
        <Button href={resetUrl} style={styles.button}>
          {t("email.passwordReset.action")}
        </Button>
      </Section>
      <Text style={styles.muted}>{t("email.passwordReset.expiry", { minutes })}</Text>
      <Text style={styles.muted}>{t("email.passwordReset.ignore")}</Text>
    </EmailLayout>
  ),
});
