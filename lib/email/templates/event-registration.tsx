// Confirmation of an event registration, portal or public: registered,
// or on the reserve list with its position. A public sign-up that must be
// confirmed asks for the click on its link before the hold runs out.
// Texts under "email.eventRegistration".
import { Button, Section, Text } from "@react-email/components";
import { EmailLayout, styles } from "../layout";
import { defineTemplate } from "../template";
import { EventDetails, exampleEventDetails, type EventEmailDetails } from "./event-details";

export interface EventRegistrationProps extends EventEmailDetails {
  status: "REGISTERED" | "RESERVE";
  /** 1-based place on the reserve list (RESERVE only). */
  reservePosition: number | null;
  /** The code to show at the door, completed at sending (lib/email/at-send.ts; a QR PNG of it is attached). */
  checkInCode?: string | null;
  /** The link that confirms a held place (public sign-ups that must be confirmed). */
  confirmUrl?: string | null;
  /** Until when the place is held without that click. */
  holdExpiresAt?: Date | null;
}

export const eventRegistration = defineTemplate<EventRegistrationProps>({
  personal: ["name", "privateUrl", "onlineUrl", "confirmUrl", "checkInCode"],
  subject: (t, p) =>
    p.holdExpiresAt
      ? t("email.eventRegistration.subjectConfirm", { event: p.eventName })
      : p.status === "RESERVE"
        ? t("email.eventRegistration.subjectReserve", { event: p.eventName })
        : t("email.eventRegistration.subject", { event: p.eventName }),
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
        {p.holdExpiresAt && p.confirmUrl ? (
          <Section style={{ margin: "24px 0" }}>
            <Text style={styles.text}>{t("email.eventRegistration.confirmBefore", { deadline: p.holdExpiresAt, timeZone: p.timeZone })}</Text>
            <Button href={p.confirmUrl} style={styles.button}>
              {t("email.eventRegistration.confirmAction")}
            </Button>
          </Section>
        ) : null}
        {p.checkInCode ? <Text style={styles.text}>{t("email.eventRegistration.checkInCode", { code: p.checkInCode })}</Text> : null}
        <EventDetails t={t} {...p} />
      </EmailLayout>
    );
  },
});
