"use client";

// A reserve's answer to the seat offered to them: accept (one click: taking a
// seat is what they asked for) or decline (after a confirmation: it gives the
// seat away and leaves the reserve list). Used in the portal and on the page
// a public registrant's private link opens; the page shows the outcome.
import { useTranslations } from "next-intl";
import { usePathname, useRouter } from "next/navigation";
import { FormFeedback } from "@/components/forms/form-feedback";
import { useRunAction } from "@/components/forms/use-run-action";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import type { ActionResult } from "@/lib/forms/action-result";

interface OfferAnswerProps {
  accept: () => Promise<ActionResult<unknown>>;
  decline: () => Promise<ActionResult<unknown>>;
}

export function OfferAnswer({ accept, decline }: OfferAnswerProps) {
  const t = useTranslations("events.waitlist");
  const router = useRouter();
  const pathname = usePathname();
  const { pending, error, run } = useRunAction();
  const done = (outcome: "accepted" | "declined") => {
    router.replace(`${pathname}?${outcome}=1`);
    router.refresh();
  };
  return (
    <div className="space-y-3">
      <FormFeedback formError={error} />
      <div className="flex flex-wrap gap-2">
        <Button disabled={pending} aria-busy={pending} onClick={() => run(accept, () => done("accepted"))}>
          {pending ? t("accepting") : t("accept")}
        </Button>
        <ConfirmButton
          message={
            <>
              <strong className="block">{t("declineTitle")}</strong>
              {t("declineConfirm")}
            </>
          }
          confirmLabel={t("decline")}
          action={async () => {
            const result = await decline();
            if (!result.ok) return result;
            done("declined");
          }}
        >
          {t("decline")}
        </ConfirmButton>
      </div>
    </div>
  );
}
