"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { FormFeedback } from "@/components/forms/form-feedback";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { setTwoFactorRequirementAction } from "@/lib/auth/admin-security-actions";
import { twoFactorRequirementSchema, type TwoFactorRequirementInput } from "@/lib/auth/two-factor-schemas";

export function TwoFactorRequirementForm({ required }: { required: boolean }) {
  const t = useTranslations("twoFactor.setting");
  const tc = useTranslations("common");
  const form = useForm<TwoFactorRequirementInput>({ resolver: zodResolver(twoFactorRequirementSchema), defaultValues: { required } });
  const { onSubmit, pending, formError, message } = useActionForm(form, setTwoFactorRequirementAction);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormFeedback formError={formError} message={message} />
      <div className="flex items-start gap-3">
        <input id="require-two-factor" type="checkbox" className="mt-1 h-4 w-4" aria-describedby="require-two-factor-help" {...form.register("required")} />
        <div>
          <label htmlFor="require-two-factor" className="text-sm font-medium text-slate-800">
            {t("requireLabel")}
          </label>
          <p id="require-two-factor-help" className="mt-1 text-xs text-slate-600">
            {t("requireHelp")}
          </p>
        </div>
      </div>
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? tc("saving") : t("save")}
      </Button>
    </form>
  );
}
