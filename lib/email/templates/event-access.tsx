// How a participant gets into an online event, shared by the status and reminder
// e-mails: portal users get their join link (it records attendance); public
// registrants get the event page, since only their token's hash is stored and
// their private join link is in the confirmation e-mail. Not a template.
import { Button, Link, Section, Text } from "@react-email/components";
import { styles } from "../layout";
import type { Translator } from "../template";

export interface EventAccess {
  /** `/portal/events/<number>/join` for participants with a portal account. */
  joinUrl: string | null;
  /** The public event page `/e/<slug>`, for public registrants. */
  publicPageUrl: string | null;
}

export function EventAccessBlock({ t, joinUrl, publicPageUrl }: EventAccess & { t: Translator }) {
  if (joinUrl) {
    return (
      <Section style={{ margin: "24px 0" }}>
        <Text style={styles.muted}>{t("email.eventAccess.join")}</Text>
        <Button href={joinUrl} style={styles.button}>
          {t("email.eventAccess.joinAction")}
        </Button>
      </Section>
    );
  }
  if (publicPageUrl) {
    return (
      <Text style={styles.text}>
        {t("email.eventAccess.publicPage")} <Link href={publicPageUrl}>{publicPageUrl}</Link>
      </Text>
    );
  }
  return null;
}
