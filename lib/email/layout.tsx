// The frame every e-mail shares: preview line, app name, body, footer.
// All texts come from the translator passed in; nothing here is in English.
import { Body, Container, Head, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import type { TemplateContext } from "./template";

export interface EmailLayoutProps extends TemplateContext {
  /** The line mail clients show next to the subject. */
  preview: string;
  children: ReactNode;
}

export function EmailLayout({ t, locale, preview, children }: EmailLayoutProps) {
  const appName = t("common.appName");
  return (
    <Html lang={locale}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.brand}>{appName}</Text>
          <Section>{children}</Section>
          <Hr style={styles.rule} />
          <Text style={styles.footer}>{t("email.footer", { appName })}</Text>
        </Container>
      </Body>
    </Html>
  );
}

/** Shared inline styles (mail clients ignore style sheets). */
export const styles = {
  body: { backgroundColor: "#f4f4f5", fontFamily: "Helvetica, Arial, sans-serif", margin: 0, padding: "24px 0" },
  container: { backgroundColor: "#ffffff", borderRadius: 8, margin: "0 auto", maxWidth: 560, padding: "24px 32px" },
  brand: { color: "#18181b", fontSize: 20, fontWeight: 700, margin: "0 0 16px" },
  text: { color: "#27272a", fontSize: 15, lineHeight: "24px" },
  muted: { color: "#52525b", fontSize: 13, lineHeight: "20px" },
  button: {
    backgroundColor: "#18181b",
    borderRadius: 6,
    color: "#ffffff",
    display: "inline-block",
    fontSize: 15,
    fontWeight: 600,
    padding: "12px 20px",
    textDecoration: "none",
  },
  rule: { borderColor: "#e4e4e7", margin: "24px 0 16px" },
  footer: { color: "#71717a", fontSize: 12, lineHeight: "18px" },
} as const;
