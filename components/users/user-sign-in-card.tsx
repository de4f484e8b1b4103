import { getTranslations } from "next-intl/server";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Card } from "@/components/ui/page-header";
import { endAllSessionsAction, resetTwoFactorAction } from "@/lib/auth/admin-security-actions";

/** On an administrator's user page: the user's second factor and sessions, with the two ways to intervene. */
export async function UserSignInCard({
  userId,
  name,
  twoFactor,
  activeSessions,
}: {
  userId: string;
  name: string;
  twoFactor: boolean;
  activeSessions: number;
}) {
  const t = await getTranslations("twoFactor.admin");
  return (
    <Card className="mt-6 space-y-4">
      <h2 className="text-lg font-medium">{t("title")}</h2>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
        <dt className="font-medium">{t("secondFactor")}</dt>
        <dd data-testid="user-second-factor">{twoFactor ? t("on") : t("off")}</dd>
      </dl>
      <p className="text-sm text-slate-700" data-testid="user-active-sessions">
        {t("activeSessions", { count: activeSessions })}
      </p>
      <div className="flex flex-wrap gap-3">
        {twoFactor ? (
          <ConfirmButton message={t("resetConfirm", { name })} action={resetTwoFactorAction.bind(null, userId)}>
            {t("reset")}
          </ConfirmButton>
        ) : null}
        <ConfirmButton message={t("endSessionsConfirm", { name })} action={endAllSessionsAction.bind(null, userId)}>
          {t("endSessions")}
        </ConfirmButton>
      </div>
    </Card>
  );
}
