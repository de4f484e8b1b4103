// The quoted message and the "open" button shared by the Contact us e-mails
// (seed 003). Not a template.
import { Button, Section, Text } from "@react-email/components";
import { styles } from "../layout";
import type { Translator } from "../template";

export function ContactQuote({ t, authorName, message }: { t: Translator; authorName: string; message: string }) {
  return (
    <Section style={{ borderLeft: "3px solid #e4e4e7", margin: "16px 0", paddingLeft: 12 }}>
      <Text style={styles.muted}>{t("email.contactQuote.from", { name: authorName })}</Text>
      <Text style={{ ...styles.text, whiteSpace: "pre-wrap" }}>{message}</Text>
    </Section>
  );
}

export function ContactButton({ t, url }: { t: Translator; url: string }) {
  return (
    <Section style={{ margin: "24px 0" }}>
      <Button href={url} style={styles.button}>
        {t("email.contactQuote.open")}
      </Button>
    </Section>
  );
}

/** What staff e-mails about a company's contact carry. */
export interface ContactStaffMailProps {
  contactNumber: number;
  companyName: string;
  classificationName: string;
  authorName: string;
  message: string;
  url: string;
}

export const exampleContactStaffMail: ContactStaffMailProps = {
  contactNumber: 42,
  companyName: "Acme Indústria Ltda",
  classificationName: "Billing",
  authorName: "Carla Company",
  message: "The invoice of March shows two charges for the same service.\nCould you check it?",
  url: "https://portico.example/admin/contacts/42",
};
