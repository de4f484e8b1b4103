// The quoted message (as the company wrote it) and the "open" button shared by
// the Contact us e-mails, and the shape of the two staff e-mails. Not a template itself.
import { Button, Section, Text } from "@react-email/components";
import { EmailLayout, styles } from "../layout";
import { defineTemplate, type Translator } from "../template";

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

const exampleContactStaffMail: ContactStaffMailProps = {
  contactNumber: 42,
  companyName: "Acme Indústria Ltda",
  classificationName: "Billing",
  authorName: "Carla Company",
  message: "The invoice of March shows two charges for the same service.\nCould you check it?",
  url: "https://portico.example/admin/contacts/42",
};

/** The two staff e-mails differ only in their texts (under "email.<name>"). */
export function defineContactStaffTemplate(name: "contactNewForStaff" | "contactMessageForStaff") {
  return defineTemplate<ContactStaffMailProps>({
    subject: (t, p) => t(`email.${name}.subject`, { number: p.contactNumber, company: p.companyName }),
    example: exampleContactStaffMail,
    Component: ({ t, locale, ...p }) => {
      const body = t(`email.${name}.body`, { number: p.contactNumber, company: p.companyName, classification: p.classificationName });
      return (
        <EmailLayout t={t} locale={locale} preview={body}>
          <Text style={styles.text}>{body}</Text>
          <ContactQuote t={t} authorName={p.authorName} message={p.message} />
          <ContactButton t={t} url={p.url} />
        </EmailLayout>
      );
    },
  });
}
