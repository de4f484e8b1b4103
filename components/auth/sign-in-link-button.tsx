"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useErrorText } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { MessageRef } from "@/lib/forms/action-result";
import { signInWithLinkAction } from "@/lib/auth/sign-in-actions";

/** Uses the e-mailed link only when the person presses it: mail scanners open links but press nothing. */
export function SignInLinkButton({ token }: { token: string }) {
  const t = useTranslations("auth");
  const errorText = useErrorText();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<MessageRef | null>(null);
  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        setError(null);
        startTransition(async () => {
          const result = await signInWithLinkAction(token);
          if (!result.ok) setError(result.formError ?? { key: "common.genericError" });
        });
      }}
    >
      {error ? <Alert tone="error">{errorText(error.key, error.values)}</Alert> : null}
      <Button type="submit" className="w-full" disabled={pending} aria-busy={pending}>
        {pending ? t("signingIn") : t("signIn")}
      </Button>
    </form>
  );
}
