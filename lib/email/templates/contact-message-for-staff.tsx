// A company added a message to its contact (seed 003: "complemented with new
// messages"): active staff and admins are told. Texts under "email.contactMessageForStaff".
import { Text } from "@react-email/components";
import { EmailLayout, styles } from "../layout";
import { defineTemplate } from "../template";
import { ContactButton, ContactQuote, exampleContactStaffMail, type ContactStaffMailProps } from "./contact-quote";

export const contactMessageForStaff = defineTemplate<ContactStaffMailProps>({
  subject: (t, p) => t("email.contactMessageForStaff.subject", { number: p.contactNumber, company: p.companyName }),
  example: exampleContactStaffMail,
  Component: ({ t, locale, ...p }) => {
    const body = t("email.contactMessageForStaff.body", { number: p.contactNumber, company: p.companyName, classification: p.classificationName });
    return (
      <EmailLayout t={t} locale={locale} preview={body}>
        <Text style={styles.text}>{body}</Text>
        <ContactQuote t={t} authorName={p.authorName} message={p.message} />
        <ContactButton t={t} url={p.url} />
      </EmailLayout>
    );
  },
});
