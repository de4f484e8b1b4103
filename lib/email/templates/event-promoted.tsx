// A seat freed up and a reserve moved to registered (the earliest reserve is
// promoted and e-mailed, once). Texts under "email.eventPromoted".
import { Text } from "@react-email/components";
import { EmailLayout, styles } from "../layout";
import { defineTemplate } from "../template";
import { EventDetails, exampleEventDetails, type EventEmailDetails } from "./event-details";

export type EventPromotedProps = EventEmailDetails;

export const eventPromoted = defineTemplate<EventPromotedProps>({
  subject: (t, p) => t("email.eventPromoted.subject", { event: p.eventName }),
  example: exampleEventDetails,
  Component: ({ t, locale, ...p }) => {
    const body = t("email.eventPromoted.body", { event: p.eventName, eventNumber: p.eventNumber });
    return (
      <EmailLayout t={t} locale={locale} preview={body}>
        <Text style={styles.text}>{t("email.eventPromoted.greeting", { name: p.name })}</Text>
        <Text style={styles.text}>{body}</Text>
        <EventDetails t={t} {...p} />
      </EmailLayout>
    );
  },
});
