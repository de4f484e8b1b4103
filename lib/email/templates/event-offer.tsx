// A seat freed up and the first reserve is offered it until a deadline; the
// button opens where they accept (their private link, or the portal). Texts
// under "email.eventOffer".
import { Button, Section, Text } from "@react-email/components";
import { EmailLayout, styles } from "../layout";
import { defineTemplate } from "../template";
import { EventDetails, exampleEventDetails, type EventEmailDetails } from "./event-details";

export interface EventOfferProps extends EventEmailDetails {
  /** Where the offer is accepted or declined. */
  acceptUrl: string;
  /** The offer's deadline; after it the seat passes to the next reserve. */
  expiresAt: Date;
}

export const eventOffer = defineTemplate<EventOfferProps>({
  personal: ["name", "privateUrl", "onlineUrl", "acceptUrl"],
  subject: (t, p) => t("email.eventOffer.subject", { event: p.eventName }),
  example: { ...exampleEventDetails, acceptUrl: exampleEventDetails.privateUrl!, expiresAt: new Date("2026-03-09T12:00:00Z") },
  Component: ({ t, locale, ...p }) => {
    const body = t("email.eventOffer.body", { event: p.eventName, eventNumber: p.eventNumber, deadline: p.expiresAt, timeZone: p.timeZone });
    return (
      <EmailLayout t={t} locale={locale} preview={body}>
        <Text style={styles.text}>{t("email.eventOffer.greeting", { name: p.name })}</Text>
        <Text style={styles.text}>{body}</Text>
        <Section style={{ margin: "24px 0" }}>
          <Button href={p.acceptUrl} style={styles.button}>
            {t("email.eventOffer.action")}
          </Button>
        </Section>
        <Text style={styles.muted}>{t("email.eventOffer.passesOn")}</Text>
        <EventDetails t={t} {...p} privateUrl={null} />
      </EmailLayout>
    );
  },
});
