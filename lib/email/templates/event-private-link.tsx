// "Send me my link again" (public event page): a fresh private link to a
// public registrant's registration, sent only to the registration's own
// address. Texts under "email.eventPrivateLink".
import { Text } from "@react-email/components";
import { EmailLayout, styles } from "../layout";
import { defineTemplate } from "../template";
import { EventDetails, exampleEventDetails, type EventEmailDetails } from "./event-details";

export interface EventPrivateLinkProps extends EventEmailDetails {
  status: "REGISTERED" | "RESERVE";
}

export const eventPrivateLink = defineTemplate<EventPrivateLinkProps>({
  personal: ["name", "privateUrl", "onlineUrl"],
  subject: (t, p) => t("email.eventPrivateLink.subject", { event: p.eventName }),
  example: { ...exampleEventDetails, status: "REGISTERED" },
  Component: ({ t, locale, ...p }) => {
    const body = t(p.status === "RESERVE" ? "email.eventPrivateLink.reserve" : "email.eventPrivateLink.registered", {
      event: p.eventName,
      eventNumber: p.eventNumber,
    });
    return (
      <EmailLayout t={t} locale={locale} preview={body}>
        <Text style={styles.text}>{t("email.eventPrivateLink.greeting", { name: p.name })}</Text>
        <Text style={styles.text}>{body}</Text>
        <EventDetails t={t} {...p} />
        <Text style={styles.muted}>{t("email.eventPrivateLink.ignore")}</Text>
      </EmailLayout>
    );
  },
});
