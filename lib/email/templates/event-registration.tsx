// Confirmation of an event registration, portal or public: registered,
// or on the reserve list with its position. Texts under "email.eventRegistration".
import { Text } from "@react-email/components";
import { EmailLayout, styles } from "../layout";
import { defineTemplate } from "../template";
import { EventDetails, exampleEventDetails, type EventEmailDetails } from "./event-details";

export interface EventRegistrationProps extends EventEmailDetails {
  status: "REGISTERED" | "RESERVE";
  /** 1-based place on the reserve list (RESERVE only). */
  reservePosition: number | null;
}

export const eventRegistration = defineTemplate<EventRegistrationProps>({
  personal: ["name", "privateUrl", "onlineUrl"],
  subject: (t, p) =>
    p.status === "RESERVE" ? t("email.eventRegistration.subjectReserve", { event: p.eventName }) : t("email.eventRegistration.subject", { event: p.eventName }),
  example: { ...exampleEventDetails, status: "RESERVE", reservePosition: 2 },
  Component: ({ t, locale, ...p }) => {
    const body =
      p.status === "RESERVE"
        ? t("email.eventRegistration.reserve", { event: p.eventName, eventNumber: p.eventNumber, position: p.reservePosition ?? 1 })
        : t("email.eventRegistration.registered", { event: p.eventName, eventNumber: p.eventNumber });
    return (
      <EmailLayout t={t} locale={locale} preview={body}>
        <Text style={styles.text}>{t("email.eventRegistration.greeting", { name: p.name })}</Text>
        <Text style={styles.text}>{body}</Text>
        <EventDetails t={t} {...p} />
      </EmailLayout>
    );
  },
});
