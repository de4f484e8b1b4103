// Staff finished a company's contact (it moves to "Finished"): the contact person
// is told; the contact stays readable in the portal. Texts under "email.contactFinished".
import { Text } from "@react-email/components";
import { EmailLayout, styles } from "../layout";
import { defineTemplate } from "../template";
import { ContactButton } from "./contact-quote";

export interface ContactFinishedProps {
  name: string;
  contactNumber: number;
  classificationName: string;
  url: string;
}

export const contactFinished = defineTemplate<ContactFinishedProps>({
  subject: (t, p) => t("email.contactFinished.subject", { number: p.contactNumber }),
  example: { name: "Carla Company", contactNumber: 42, classificationName: "Billing", url: "https://portico.example/portal/contact/42" },
  Component: ({ t, locale, ...p }) => {
    const body = t("email.contactFinished.body", { number: p.contactNumber, classification: p.classificationName });
    return (
      <EmailLayout t={t} locale={locale} preview={body}>
        <Text style={styles.text}>{t("email.contactFinished.greeting", { name: p.name })}</Text>
        <Text style={styles.text}>{body}</Text>
        <ContactButton t={t} url={p.url} />
      </EmailLayout>
    );
  },
});
