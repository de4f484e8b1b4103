import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { HoldConfirmButton } from "@/components/events/hold-confirm-button";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/page-header";
import { db } from "@/lib/db";
import { readHold } from "@/lib/events/holds";
import { confirmHeldRegistrationAction } from "@/lib/events/public-actions";

// The confirmation link of a public sign-up. Opening it only shows where the
// place stands: the button keeps it (the click proves a person reads the
// address; scanners that open every link do not press buttons). Opening it
// again after confirming changes nothing; after the deadline it says the
// place was released.
export const dynamic = "force-dynamic";

export default async function ConfirmRegistrationPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string; token: string }>;
  searchParams: Promise<{ confirmed?: string }>;
}) {
  const [{ slug, token }, { confirmed }] = await Promise.all([params, searchParams]);
  const state = await readHold(db, token);
  if (!state || state.slug !== slug) notFound();
  const [t, format] = await Promise.all([getTranslations("events.waitlist"), getFormatter()]);
  const privatePage = `/e/${encodeURIComponent(slug)}/r/${token}`;
  const event = state.eventName;
  const justConfirmed = confirmed === "1" && state.kind === "alreadyConfirmed";
  if (state.kind === "pending" || state.kind === "expired") {
    const time = format.dateTime(state.expiresAt, { dateStyle: "medium", timeStyle: "short", timeZone: state.timeZone });
    return (
      <Card className="w-full max-w-2xl space-y-4">
        {state.kind === "pending" ? (
          <>
            <h1 className="text-2xl font-semibold">{t("confirmTitle")}</h1>
            <p>{t("confirmBody", { event, time })}</p>
            <HoldConfirmButton confirm={confirmHeldRegistrationAction.bind(null, token)} />
          </>
        ) : (
          <>
            <h1 className="text-2xl font-semibold">{t("expiredTitle")}</h1>
            <Alert tone="warning">{t("expiredBody", { event, time })}</Alert>
            <p>
              <Link href={`/e/${encodeURIComponent(slug)}`} className={buttonClass("primary")}>
                {t("eventPage")}
              </Link>
            </p>
          </>
        )}
      </Card>
    );
  }
  return (
    <Card className="w-full max-w-2xl space-y-4">
      <h1 className="text-2xl font-semibold">{state.kind === "cancelled" ? event : t("confirmedTitle")}</h1>
      <Alert tone={state.kind === "cancelled" ? "warning" : "success"}>
        {state.kind === "cancelled" ? t("cancelledBody", { event }) : justConfirmed ? t("confirmedBody", { event }) : t("alreadyConfirmed", { event })}
      </Alert>
      <p>
        <Link href={privatePage} className={buttonClass("primary")}>
          {t("viewRegistration")}
        </Link>
      </p>
    </Card>
  );
}
