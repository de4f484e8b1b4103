"use client";

// The button on the confirmation link's page. Opening the link changes
// nothing (mail scanners open links); pressing this keeps the held place, and
// the page then shows the outcome (confirmed, or expired in the meantime).
import { useTranslations } from "next-intl";
import { usePathname, useRouter } from "next/navigation";
import { FormFeedback } from "@/components/forms/form-feedback";
import { useRunAction } from "@/components/forms/use-run-action";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/forms/action-result";

export function HoldConfirmButton({ confirm }: { confirm: () => Promise<ActionResult<unknown>> }) {
  const t = useTranslations("events.waitlist");
  const router = useRouter();
  const pathname = usePathname();
  const { pending, error, run } = useRunAction();
  return (
    <div className="space-y-3">
      <FormFeedback formError={error} />
      <Button
        disabled={pending}
        aria-busy={pending}
        onClick={() =>
          run(confirm, () => {
            router.replace(`${pathname}?confirmed=1`);
            router.refresh();
          })
        }
      >
        {pending ? t("confirming") : t("confirmButton")}
      </Button>
    </div>
  );
}
