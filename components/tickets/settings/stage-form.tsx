"use client";

// A workflow stage: its name, whose turn it is, the optional staff hand-over
// (team and/or attendant, only for staff stages) and whether entering it
// completes the ticket.
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm, useWatch } from "react-hook-form";
import { FormFeedback } from "@/components/forms/form-feedback";
import { LabelFields } from "@/components/forms/label-fields";
import { useActionForm, useErrorText } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { CheckboxField, SelectField, TextField } from "@/components/ui/field";
import { StageResponsible } from "@/lib/generated/prisma/enums";
import { saveStageAction } from "@/lib/tickets/settings/workflow-actions";
import { stageSchema, type StageInput } from "@/lib/tickets/settings/schemas";

interface Option {
  id: string;
  name: string;
  active?: boolean;
}

export function StageForm({
  typeId,
  stageId,
  defaults,
  teams,
  staff,
}: {
  typeId: string;
  stageId?: string;
  defaults: StageInput;
  teams: Option[];
  staff: (Option & { email: string })[];
}) {
  const t = useTranslations("ticketSettings");
  const tc = useTranslations("common");
  const errorText = useErrorText();
  const form = useForm<StageInput>({ resolver: zodResolver(stageSchema), defaultValues: defaults, values: stageId ? defaults : undefined });
  const { onSubmit, pending, formError, message } = useActionForm(form, (values) => saveStageAction(typeId, stageId, values));
  const { errors } = form.formState;
  const isClient = useWatch({ control: form.control, name: "responsible" }) === StageResponsible.CLIENT;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormFeedback formError={formError} message={message} />
      <TextField label={tc("name")} autoComplete="off" error={errorText(errors.name?.message, { max: 100 })} {...form.register("name")} />
      <LabelFields register={form.register} errors={errors.labels} />
      <SelectField
        label={t("stages.responsible")}
        help={t("stages.responsibleHelp")}
        error={errorText(errors.responsible?.message)}
        {...form.register("responsible")}
      >
        {Object.values(StageResponsible).map((r) => (
          <option key={r} value={r}>
            {t(`responsible.${r}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("stages.team")}
        disabled={isClient}
        help={isClient ? t("stages.staffOnly") : undefined}
        error={errorText(errors.teamId?.message)}
        {...form.register("teamId")}
      >
        <option value="">{t("stages.noTeam")}</option>
        {teams.map((team) => (
          <option key={team.id} value={team.id}>
            {team.active === false ? t("inactiveName", { name: team.name }) : team.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("stages.attendant")}
        disabled={isClient}
        help={isClient ? t("stages.staffOnly") : undefined}
        error={errorText(errors.attendantId?.message)}
        {...form.register("attendantId")}
      >
        <option value="">{t("stages.noAttendant")}</option>
        {staff.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name} ({u.email})
          </option>
        ))}
      </SelectField>
      <CheckboxField label={t("stages.terminal")} {...form.register("terminal")} />
      <p className="text-xs text-slate-600">{t("stages.terminalHelp")}</p>
      {errors.terminal?.message ? (
        <p role="alert" className="text-sm text-red-700">
          {errorText(errors.terminal.message)}
        </p>
      ) : null}
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? tc("saving") : stageId ? tc("save") : tc("create")}
      </Button>
    </form>
  );
}
