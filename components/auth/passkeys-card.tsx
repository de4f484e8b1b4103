"use client";

// The passkeys of one's own account: the list (name, added, last used), adding
// one (the browser asks the authenticator, then the server checks its answer)
// and removing one after a confirmation.
import { zodResolver } from "@hookform/resolvers/zod";
import { startRegistration, WebAuthnError } from "@simplewebauthn/browser";
import { useFormatter, useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { FormFeedback } from "@/components/forms/form-feedback";
import { useActionForm, useErrorText } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { TextField } from "@/components/ui/field";
import { Card } from "@/components/ui/page-header";
import type { PasskeyRow } from "@/lib/auth/passkeys";
import { finishPasskeyRegistrationAction, removePasskeyAction, startPasskeyRegistrationAction } from "@/lib/auth/passkey-actions";
import { passkeyNameSchema, type PasskeyNameInput } from "@/lib/auth/passkey-schemas";
import type { ActionResult } from "@/lib/forms/action-result";

async function registerPasskey(name: string): Promise<ActionResult> {
  const started = await startPasskeyRegistrationAction();
  if (!started.ok || !started.data) return started.ok ? { ok: false, formError: { key: "common.genericError" } } : started;
  let response;
  try {
    response = await startRegistration({ optionsJSON: started.data.options });
  } catch (error) {
    // The person closed the browser's dialog, or this authenticator is already registered.
    const key =
      error instanceof WebAuthnError && error.code === "ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED" ? "passkeys.alreadyRegistered" : "passkeys.cancelled";
    return { ok: false, formError: { key } };
  }
  return finishPasskeyRegistrationAction({ name, challengeId: started.data.challengeId, response: response as unknown as Record<string, unknown> });
}

export function PasskeysCard({ passkeys }: { passkeys: PasskeyRow[] }) {
  const t = useTranslations("passkeys");
  const format = useFormatter();
  const errorText = useErrorText();
  const form = useForm<PasskeyNameInput>({ resolver: zodResolver(passkeyNameSchema), defaultValues: { name: "" } });
  const { onSubmit, pending, formError, message } = useActionForm(form, async ({ name }) => {
    const result = await registerPasskey(name);
    if (result.ok) form.reset({ name: "" });
    return result;
  });
  const date = (value: Date) => format.dateTime(value, { dateStyle: "medium", timeStyle: "short" });
  return (
    <Card className="max-w-xl space-y-4">
      <h2 className="text-lg font-medium">{t("title")}</h2>
      <p className="text-sm text-slate-600">{t("help")}</p>
      {passkeys.length === 0 ? (
        <p className="text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-200" aria-label={t("title")}>
          {passkeys.map((passkey) => (
            <li key={passkey.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <div>
                <p className="font-medium">{passkey.name}</p>
                <p className="text-sm text-slate-600">
                  {t("addedOn", { date: date(passkey.createdAt) })}
                  {" · "}
                  {passkey.lastUsedAt ? t("lastUsed", { date: date(passkey.lastUsedAt) }) : t("neverUsed")}
                </p>
              </div>
              <ConfirmButton message={t("removeConfirm", { name: passkey.name })} action={() => removePasskeyAction(passkey.id)}>
                {t("remove")}
              </ConfirmButton>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={onSubmit} noValidate className="space-y-3">
        <FormFeedback formError={formError} message={message} />
        <TextField
          label={t("name")}
          help={t("nameHelp")}
          autoComplete="off"
          error={errorText(form.formState.errors.name?.message, { max: 60 })}
          {...form.register("name")}
        />
        <Button type="submit" disabled={pending} aria-busy={pending}>
          {pending ? t("adding") : t("add")}
        </Button>
      </form>
    </Card>
  );
}
