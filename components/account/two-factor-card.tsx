"use client";

// The second factor on the account page: set up (QR code and key, confirmed
// with a code), the recovery codes shown once, new codes, turning it off.
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { FormFeedback } from "@/components/forms/form-feedback";
import { useActionForm, useErrorText } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { confirmTotpEnrolmentAction, disableTwoFactorAction, regenerateRecoveryCodesAction, startTotpEnrolmentAction } from "@/lib/auth/account-actions";
import type { ActionResult, MessageRef } from "@/lib/forms/action-result";
import { codeSchema, type CodeInput } from "@/lib/auth/two-factor-schemas";

interface Props {
  enabled: boolean;
  /** While set-up waits for its first code: the QR code (data URL) and the key as text. */
  pending: { qrDataUrl: string; secret: string } | null;
  recoveryCodesLeft: number;
}

type CodesResult = ActionResult<{ recoveryCodes: string[] }>;

export function TwoFactorCard({ enabled, pending, recoveryCodesLeft }: Props) {
  const t = useTranslations("twoFactor");
  const [codes, setCodes] = useState<string[] | null>(null);

  if (codes) return <RecoveryCodes codes={codes} onDone={() => setCodes(null)} />;
  if (enabled) {
    return (
      <div className="space-y-6">
        <Alert tone="success">{t("statusOn")}</Alert>
        <p className="text-sm text-slate-700">{t("recoveryLeft", { count: recoveryCodesLeft })}</p>
        <CodeForm
          help={t("regenerateHelp")}
          submitLabel={t("regenerate")}
          variant="secondary"
          action={async (values) => {
            const result: CodesResult = await regenerateRecoveryCodesAction(values);
            if (result.ok && result.data) setCodes(result.data.recoveryCodes);
            return result;
          }}
        />
        <CodeForm help={t("disableHelp")} submitLabel={t("disable")} variant="secondary" action={disableTwoFactorAction} />
      </div>
    );
  }
  if (pending) {
    return (
      <div className="space-y-4">
        <p className="text-sm text-slate-700">{t("scanQr")}</p>
        {/* eslint-disable-next-line @next/next/no-img-element -- a data URL made on the server, nothing to optimise */}
        <img src={pending.qrDataUrl} alt={t("qrAlt")} width={200} height={200} className="rounded border border-slate-200" />
        <div>
          <p className="text-sm font-medium text-slate-800">{t("secretLabel")}</p>
          <code className="mt-1 block font-mono text-sm break-all" data-testid="totp-secret">
            {pending.secret}
          </code>
        </div>
        <CodeForm
          submitLabel={t("confirm")}
          action={async (values) => {
            const result: CodesResult = await confirmTotpEnrolmentAction(values);
            if (result.ok && result.data) setCodes(result.data.recoveryCodes);
            return result;
          }}
        />
        <StartButton label={t("restart")} variant="secondary" />
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">{t("statusOff")}</p>
      <StartButton label={t("setUp")} variant="primary" />
    </div>
  );
}

function StartButton({ label, variant }: { label: string; variant: "primary" | "secondary" }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<MessageRef | null>(null);
  return (
    <div className="space-y-2">
      <FormFeedback formError={error} />
      <Button
        variant={variant}
        disabled={pending}
        aria-busy={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await startTotpEnrolmentAction();
            setError(result.ok ? null : (result.formError ?? { key: "common.genericError" }));
          })
        }
      >
        {label}
      </Button>
    </div>
  );
}

function CodeForm({
  help,
  submitLabel,
  variant = "primary",
  action,
}: {
  help?: string;
  submitLabel: string;
  variant?: "primary" | "secondary";
  action: (values: CodeInput) => Promise<ActionResult<unknown>>;
}) {
  const t = useTranslations("auth");
  const errorText = useErrorText();
  const form = useForm<CodeInput>({ resolver: zodResolver(codeSchema), defaultValues: { code: "" } });
  const { onSubmit, pending, formError, message } = useActionForm(form, async (values) => {
    const result = await action(values);
    form.reset({ code: "" });
    return result;
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <FormFeedback formError={formError} message={message} />
      <TextField
        label={t("code")}
        help={help}
        autoComplete="one-time-code"
        spellCheck={false}
        error={errorText(form.formState.errors.code?.message)}
        {...form.register("code")}
      />
      <Button type="submit" variant={variant} disabled={pending} aria-busy={pending}>
        {submitLabel}
      </Button>
    </form>
  );
}

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const t = useTranslations("twoFactor");
  return (
    <div className="space-y-4">
      <Alert tone="success">{t("statusOn")}</Alert>
      <h3 className="font-medium">{t("recoveryTitle")}</h3>
      <p className="text-sm text-slate-700">{t("recoveryHelp")}</p>
      <ul className="grid grid-cols-2 gap-2 font-mono text-sm" aria-label={t("recoveryTitle")}>
        {codes.map((code) => (
          <li key={code} className="rounded bg-slate-100 px-2 py-1">
            {code}
          </li>
        ))}
      </ul>
      <Button onClick={onDone}>{t("continue")}</Button>
    </div>
  );
}
