"use client";

// Staff add a participant by hand; required questions may stay blank and the
// seat rules still apply (registered, reserve, or "full"), unless staff who may
// edit a full event tick "add beyond the seat limit" for a walk-in.
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { FormFeedback } from "@/components/forms/form-feedback";
import { useActionForm, useErrorText } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { CheckboxField, TextField } from "@/components/ui/field";
import { addParticipantAction } from "@/lib/events/participant-actions";
import { addParticipantSchema, type AddParticipantInput } from "@/lib/events/schemas";
import type { NationalIdSetting } from "@/lib/settings/national-id-schema";

const empty: AddParticipantInput = { name: "", email: "", cpf: "", clientEmail: "", beyondSeatLimit: false };

/** `full`: every seat is taken and the staff member may seat a walk-in beyond the limit. */
export function AddParticipantForm({ eventId, full = false, nationalId }: { eventId: string; full?: boolean; nationalId: NationalIdSetting }) {
  const t = useTranslations("events.admin");
  const errorText = useErrorText();
  const form = useForm<AddParticipantInput>({ resolver: zodResolver(addParticipantSchema), defaultValues: empty });
  const { onSubmit, pending, formError, message } = useActionForm(form, async (values) => {
    const result = await addParticipantAction(eventId, values);
    if (result.ok) form.reset(empty);
    return result;
  });
  const { errors } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={t("addParticipant")}>
      <h3 className="text-base font-medium text-slate-900">{t("addParticipant")}</h3>
      <FormFeedback formError={formError} message={message} />
      <div className="grid gap-4 md:grid-cols-2">
        <TextField label={t("participantName")} autoComplete="off" error={errorText(errors.name?.message)} {...form.register("name")} />
        <TextField label={t("participantEmail")} type="email" autoComplete="off" error={errorText(errors.email?.message)} {...form.register("email")} />
        {/* The installation's national id: a CPF, another number under its own label, or none asked. */}
        {nationalId.mode === "cpf" ? (
          <TextField
            label={t("participantCpf")}
            inputMode="numeric"
            placeholder="000.000.000-00"
            error={errorText(errors.cpf?.message)}
            {...form.register("cpf")}
          />
        ) : nationalId.mode === "other" ? (
          <TextField label={nationalId.label} autoComplete="off" error={errorText(errors.cpf?.message)} {...form.register("cpf")} />
        ) : null}
        <TextField
          label={t("clientEmail")}
          type="email"
          autoComplete="off"
          help={t("clientEmailHelp")}
          error={errorText(errors.clientEmail?.message)}
          {...form.register("clientEmail")}
        />
      </div>
      {full ? (
        <div>
          <CheckboxField label={t("beyondSeatLimit")} aria-describedby={`${eventId}-beyond-help`} {...form.register("beyondSeatLimit")} />
          <p id={`${eventId}-beyond-help`} className="mt-1 ml-6 text-xs text-slate-600">
            {t("beyondSeatLimitHelp")}
          </p>
        </div>
      ) : null}
      <Button type="submit" variant="secondary" disabled={pending} aria-busy={pending}>
        {pending ? t("adding") : t("addParticipant")}
      </Button>
    </form>
  );
}
