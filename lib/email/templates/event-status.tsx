// The event's status, sent by staff after a status change or on demand ("Send
// e-mail"): one individual e-mail per participant with the details and the
// status (open, confirmed, cancelled). Texts under "email.eventStatus".
import { Text } from "@react-email/components";
import { EmailLayout, styles } from "../layout";
import { defineTemplate } from "../template";
import { EventAccessBlock, type EventAccess } from "./event-access";
import { EventDetails, exampleEventDetails, type EventEmailDetails } from "./event-details";

export interface EventStatusProps extends EventEmailDetails, EventAccess {
  status: "OPEN" | "CONFIRMED" | "CANCELLED";
  /** Place on the reserve list (1 = next to move up) for a reserve, who holds no seat and gets no way in; null otherwise. */
  reservePosition?: number | null;
}

const keys = {
  OPEN: { subject: "email.eventStatus.subjectOpen", body: "email.eventStatus.open" },
  CONFIRMED: { subject: "email.eventStatus.subjectConfirmed", body: "email.eventStatus.confirmed" },
  CANCELLED: { subject: "email.eventStatus.subjectCancelled", body: "email.eventStatus.cancelled" },
} as const;

export const eventStatus = defineTemplate<EventStatusProps>({
  // A public registrant's private link (and its join page) is issued per recipient.
  personal: ["name", "privateUrl", "joinUrl"],
  priority: "BULK",
  subject: (t, p) => t(keys[p.status].subject, { event: p.eventName }),
  example: { ...exampleEventDetails, privateUrl: null, status: "CONFIRMED", joinUrl: "https://portico.example/portal/events/42/join", publicPageUrl: null },
  Component: ({ t, locale, ...p }) => {
    const body = t(keys[p.status].body, { event: p.eventName, eventNumber: p.eventNumber });
    const cancelled = p.status === "CANCELLED";
    const reserve = p.reservePosition ?? null;
    return (
      <EmailLayout t={t} locale={locale} preview={body}>
        <Text style={styles.text}>{t("email.eventStatus.greeting", { name: p.name })}</Text>
        <Text style={styles.text}>{body}</Text>
        {reserve !== null && !cancelled ? <Text style={styles.text}>{t("email.eventStatus.reserve", { position: reserve })}</Text> : null}
        <EventDetails t={t} {...p} onlineUrl={cancelled || reserve !== null ? null : p.onlineUrl} />
        {cancelled || reserve !== null ? null : <EventAccessBlock t={t} joinUrl={p.joinUrl} publicPageUrl={p.publicPageUrl} />}
      </EmailLayout>
    );
  },
});
