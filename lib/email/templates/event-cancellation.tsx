// A registration was cancelled: by the registrant (a confirmation, so they know
// it went through) or by staff (with their reason when they gave one). Texts
// under "email.eventCancellation".
import { Button, Section, Text } from "@react-email/components";
import { EmailLayout, styles } from "../layout";
import { defineTemplate } from "../template";
import { EventDetails, exampleEventDetails, type EventEmailDetails } from "./event-details";

export interface EventCancellationProps extends EventEmailDetails {
  /** Who cancelled: the registrant themselves, or the organizers. */
  by: "self" | "staff";
  /** Staff's reason, when they gave one. */
  reason: string | null;
  /** The event's page in the portal, for registrants with an account. */
  url: string | null;
}

export const eventCancellation = defineTemplate<EventCancellationProps>({
  subject: (t, p) => t(p.by === "staff" ? "email.eventCancellation.subjectStaff" : "email.eventCancellation.subjectSelf", { event: p.eventName }),
  example: {
    ...exampleEventDetails,
    onlineUrl: null,
    privateUrl: null,
    by: "staff",
    reason: "The room is no longer available.",
    url: "https://portico.example/portal/events/42",
  },
  Component: ({ t, locale, ...p }) => {
    const body = t(p.by === "staff" ? "email.eventCancellation.bodyStaff" : "email.eventCancellation.bodySelf", {
      event: p.eventName,
      eventNumber: p.eventNumber,
    });
    return (
      <EmailLayout t={t} locale={locale} preview={body}>
        <Text style={styles.text}>{t("email.eventCancellation.greeting", { name: p.name })}</Text>
        <Text style={styles.text}>{body}</Text>
        {p.reason ? <Text style={styles.text}>{t("email.eventCancellation.reason", { reason: p.reason })}</Text> : null}
        <EventDetails t={t} {...p} onlineUrl={null} privateUrl={null} />
        {p.url ? (
          <Section style={{ margin: "24px 0" }}>
            <Button href={p.url} style={styles.button}>
              {t("email.eventCancellation.action")}
            </Button>
          </Section>
        ) : null}
      </EmailLayout>
    );
  },
});
