"use client";

// "Sign in with a passkey" on the sign-in page. Where the browser supports it,
// passkeys are also offered in the e-mail field's autofill (conditional UI),
// so a person with a passkey need not find the button. The challenge comes
// from the server each time and is good for one answer.
import { browserSupportsWebAuthn, browserSupportsWebAuthnAutofill, startAuthentication, WebAuthnAbortService } from "@simplewebauthn/browser";
import { useTranslations } from "next-intl";
import { useEffect, useState, useSyncExternalStore, useTransition } from "react";
import { useErrorText } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { passkeySignInAction, startPasskeySignInAction } from "@/lib/auth/passkey-actions";
import type { MessageRef } from "@/lib/forms/action-result";

const subscribeNever = () => () => {};

export function PasskeySignIn({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations("passkeys");
  const errorText = useErrorText();
  // Known only in the browser: the server renders no button.
  const supported = useSyncExternalStore(subscribeNever, browserSupportsWebAuthn, () => false);
  const [pending, startTransition] = useTransition();
  // The autofill request waits for the person in its own transition: the button stays usable meanwhile.
  const [, startAutofill] = useTransition();
  const [error, setError] = useState<MessageRef | null>(null);

  // One attempt: fetch a challenge, let the browser ask the authenticator, send the answer.
  async function attempt(autofill: boolean): Promise<void> {
    const started = await startPasskeySignInAction();
    if (!started.ok || !started.data) {
      if (!autofill) setError(started.ok ? { key: "common.genericError" } : (started.formError ?? { key: "common.genericError" }));
      return;
    }
    let response;
    try {
      response = await startAuthentication({ optionsJSON: started.data.options, useBrowserAutofill: autofill });
    } catch {
      // Closed, timed out, or replaced by the button's own request: nothing to report for the autofill one.
      if (!autofill) setError({ key: "passkeys.cancelled" });
      return;
    }
    const result = await passkeySignInAction({ challengeId: started.data.challengeId, response: response as unknown as Record<string, unknown>, callbackUrl });
    if (!result.ok) setError(result.formError ?? { key: "auth.errors.passkey_invalid" });
  }

  useEffect(() => {
    if (!browserSupportsWebAuthn()) return;
    let cancelled = false;
    void browserSupportsWebAuthnAutofill().then((autofill) => {
      if (autofill && !cancelled) startAutofill(() => attempt(true));
    });
    return () => {
      cancelled = true;
      WebAuthnAbortService.cancelCeremony();
    };
    // Once per page: the autofill request waits for the person.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (!supported) return null;
  return (
    <div className="space-y-3">
      {error ? <Alert tone="error">{errorText(error.key, error.values)}</Alert> : null}
      <Button
        variant="secondary"
        className="w-full"
        disabled={pending}
        aria-busy={pending}
        onClick={() => {
          setError(null);
          startTransition(() => attempt(false));
        }}
      >
        {pending ? t("signingIn") : t("signIn")}
      </Button>
    </div>
  );
}
