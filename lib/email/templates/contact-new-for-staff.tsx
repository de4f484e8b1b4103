// A company opened a contact (seed 003): every active staff member and admin is
// told, in their own language. Texts under "email.contactNewForStaff".
import { Text } from "@react-email/components";
import { EmailLayout, styles } from "../layout";
import { defineTemplate } from "../template";
import { ContactButton, ContactQuote, exampleContactStaffMail, type ContactStaffMailProps } from "./contact-quote";

export const contactNewForStaff = defineTemplate<ContactStaffMailProps>({
  subject: (t, p) => t("email.contactNewForStaff.subject", { number: p.contactNumber, company: p.companyName }),
  example: exampleContactStaffMail,
  Component: ({ t, locale, ...p }) => {
    const body = t("email.contactNewForStaff.body", { number: p.contactNumber, company: p.companyName, classification: p.classificationName });
    return (
      <EmailLayout t={t} locale={locale} preview={body}>
        <Text style={styles.text}>{body}</Text>
        <ContactQuote t={t} authorName={p.authorName} message={p.message} />
        <ContactButton t={t} url={p.url} />
      </EmailLayout>
    );
  },
});
