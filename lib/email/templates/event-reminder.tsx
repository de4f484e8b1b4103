// The automatic reminder the day before an event (participants get the place,
// or the link to the online conference, on the eve of the event): the place
// or the way in to the online conference. Texts under "email.eventReminder".
import { Text } from "@react-email/components";
import { EmailLayout, styles } from "../layout";
import { defineTemplate } from "../template";
import { EventAccessBlock, type EventAccess } from "./event-access";
import { EventDetails, exampleEventDetails, type EventEmailDetails } from "./event-details";

export type EventReminderProps = EventEmailDetails & EventAccess;

export const eventReminder = defineTemplate<EventReminderProps>({
  personal: ["name"],
  priority: "BULK",
  subject: (t, p) => t("email.eventReminder.subject", { event: p.eventName }),
  example: { ...exampleEventDetails, privateUrl: null, onlineUrl: null, joinUrl: null, publicPageUrl: "https://portico.example/e/onboarding-training-42" },
  Component: ({ t, locale, ...p }) => {
    const body = t("email.eventReminder.body", { event: p.eventName, eventNumber: p.eventNumber });
    return (
      <EmailLayout t={t} locale={locale} preview={body}>
        <Text style={styles.text}>{t("email.eventReminder.greeting", { name: p.name })}</Text>
        <Text style={styles.text}>{body}</Text>
        <EventDetails t={t} {...p} />
        <EventAccessBlock t={t} joinUrl={p.joinUrl} publicPageUrl={p.publicPageUrl} />
      </EmailLayout>
    );
  },
});
