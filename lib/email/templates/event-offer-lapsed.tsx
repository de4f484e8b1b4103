// A seat offered from the reserve list was not accepted by its deadline: the
// offer passed on and the person's place on the reserve list ended. They are
// told, so silence is never mistaken for a seat. Texts under
// "email.eventOfferLapsed".
import { Button, Section, Text } from "@react-email/components";
import { EmailLayout, styles } from "../layout";
import { defineTemplate } from "../template";
import type { EventEmailDetails } from "./event-details";

export interface EventOfferLapsedProps extends Pick<EventEmailDetails, "name" | "eventName" | "eventNumber"> {
  /** The event's page, to sign up again while it is open. */
  eventUrl: string;
}

export const eventOfferLapsed = defineTemplate<EventOfferLapsedProps>({
  personal: ["name"],
  subject: (t, p) => t("email.eventOfferLapsed.subject", { event: p.eventName }),
  example: { name: "Maria Silva", eventName: "Orientation day", eventNumber: 42, eventUrl: "https://portico.example/e/orientation-day" },
  Component: ({ t, locale, ...p }) => {
    const body = t("email.eventOfferLapsed.body", { event: p.eventName, eventNumber: p.eventNumber });
    return (
      <EmailLayout t={t} locale={locale} preview={body}>
        <Text style={styles.text}>{t("email.eventOfferLapsed.greeting", { name: p.name })}</Text>
        <Text style={styles.text}>{body}</Text>
        <Section style={{ margin: "24px 0" }}>
          <Button href={p.eventUrl} style={styles.button}>
            {t("email.eventOfferLapsed.action")}
          </Button>
        </Section>
      </EmailLayout>
    );
  },
});
