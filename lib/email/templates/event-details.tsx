// The event block shared by the event e-mails (registration, promotion): when,
// where, the online link and the participant's private link. Not a template.
import { Button, Link, Section, Text } from "@react-email/components";
import { styles } from "../layout";
import type { Translator } from "../template";

export interface EventEmailDetails {
  /** The participant's name. */
  name: string;
  eventName: string;
  eventNumber: number;
  startsAt: Date;
  endsAt: Date;
  /** The event's IANA zone; enqueueEmail must get the same `timeZone` so dates render in it. */
  timeZone: string;
  /** A named place or the customer record where it happens. */
  place: string | null;
  onlineUrl: string | null;
  /** Public registrants' link to view or cancel (null for portal users). */
  privateUrl: string | null;
}

export const exampleEventDetails: EventEmailDetails = {
  name: "Ana Souza",
  eventName: "Onboarding training",
  eventNumber: 42,
  startsAt: new Date("2026-03-10T12:00:00Z"),
  endsAt: new Date("2026-03-10T15:00:00Z"),
  timeZone: "America/Sao_Paulo",
  place: "Auditorium, Rua Exemplo 100",
  onlineUrl: "https://meet.example/onboarding",
  privateUrl: "https://portico.example/e/onboarding-training/r/example-token",
};

export function EventDetails({ t, startsAt, endsAt, timeZone, place, onlineUrl, privateUrl }: EventEmailDetails & { t: Translator }) {
  return (
    <>
      <Text style={styles.text}>{t("email.eventDetails.when", { start: startsAt, end: endsAt, timeZone })}</Text>
      {place ? <Text style={styles.text}>{t("email.eventDetails.where", { place })}</Text> : null}
      {onlineUrl ? (
        <Text style={styles.text}>
          {t("email.eventDetails.online")} <Link href={onlineUrl}>{onlineUrl}</Link>
        </Text>
      ) : null}
      {privateUrl ? (
        <Section style={{ margin: "24px 0" }}>
          <Text style={styles.muted}>{t("email.eventDetails.privateLink")}</Text>
          <Button href={privateUrl} style={styles.button}>
            {t("email.eventDetails.privateAction")}
          </Button>
        </Section>
      ) : null}
    </>
  );
}
