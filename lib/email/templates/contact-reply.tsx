// Staff answered a company's contact: the contact person named on the
// contact gets the reply. Texts under "email.contactReply".
import { Text } from "@react-email/components";
import { EmailLayout, styles } from "../layout";
import { defineTemplate } from "../template";
import { ContactButton, ContactQuote } from "./contact-quote";

export interface ContactReplyProps {
  name: string;
  contactNumber: number;
  authorName: string;
  message: string;
  url: string;
}

export const contactReply = defineTemplate<ContactReplyProps>({
  subject: (t, p) => t("email.contactReply.subject", { number: p.contactNumber }),
  example: {
    name: "Carla Company",
    contactNumber: 42,
    authorName: "Sam Staff",
    message: "We found the duplicate charge and refunded it.",
    url: "https://portico.example/portal/contact/42",
  },
  Component: ({ t, locale, ...p }) => {
    const body = t("email.contactReply.body", { number: p.contactNumber });
    return (
      <EmailLayout t={t} locale={locale} preview={body}>
        <Text style={styles.text}>{t("email.contactReply.greeting", { name: p.name })}</Text>
        <Text style={styles.text}>{body}</Text>
        <ContactQuote t={t} authorName={p.authorName} message={p.message} />
        <ContactButton t={t} url={p.url} />
      </EmailLayout>
    );
  },
});
