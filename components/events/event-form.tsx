"use client";

// The event form. Times are typed in the event's own time zone. A secondary
// event (session) hides the fields that follow its main event; the server
// forces them anyway (lib/events/event-save.ts).
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm, useWatch, type Resolver } from "react-hook-form";
import { FormFeedback } from "@/components/forms/form-feedback";
import { useActionForm, useErrorText } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CheckboxField, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { createEventAction, updateEventAction } from "@/lib/events/event-actions";
import type { UpdateEventResult } from "@/lib/events/event-save";
import type { EventFormOptions } from "@/lib/events/event-list";
import { eventSchema } from "@/lib/events/schemas";
import { toEventInput, type EventFormValues } from "./event-form-values";
import { ReminderScheduleFields } from "./reminder-schedule-fields";
import { StatusEmailPrompt } from "./status-email-prompt";

const schemaResolver = zodResolver(eventSchema);
// Validate what the server will receive; keep the form's own values for editing.
const resolver: Resolver<EventFormValues> = async (values, context, options) => {
  const result = await schemaResolver(toEventInput(values), context, options as never);
  return Object.keys(result.errors).length > 0 ? { values: {}, errors: result.errors as never } : { values, errors: {} };
};

interface EventFormProps {
  eventId?: string;
  defaults: EventFormValues;
  options: EventFormOptions;
  timeZones: string[];
  /** Set for a secondary event: its main event. */
  main?: { number: number; name: string } | null;
  /** Whether the "main event number" field is offered (standalone events without sessions). */
  canSetMain?: boolean;
}

export function EventForm({ eventId, defaults, options, timeZones, main, canSetMain = false }: EventFormProps) {
  const t = useTranslations("events.admin");
  const tw = useTranslations("events.waitlist");
  const tc = useTranslations("common");
  const ts = useTranslations("events.status");
  const errorText = useErrorText();
  const form = useForm<EventFormValues>({ resolver, defaultValues: defaults });
  const router = useRouter();
  // After a change to Confirmed or Cancelled the server says how many would be e-mailed; then we ask.
  const [statusChange, setStatusChange] = useState<UpdateEventResult | null>(null);
  // A saved event is shown on its own page, which says it was saved (and how many e-mails went out).
  const showSaved = (queued: number | null) => router.push(`/admin/events/${eventId}?saved=1${queued !== null ? `&queued=${queued}` : ""}`);
  const { onSubmit, pending, formError, message } = useActionForm(form, async (values) => {
    if (!eventId) return createEventAction(toEventInput(values));
    const result = await updateEventAction(eventId, toEventInput(values));
    if (!result.ok) return result;
    if (result.data?.statusChangedTo && result.data.participantCount > 0) setStatusChange(result.data);
    else showSaved(null);
    return { ok: true, message: result.message };
  });
  const { errors } = form.formState;
  const e = (field: keyof EventFormValues | "customerId" | "placeId") =>
    errorText((errors as Record<string, { message?: string } | undefined>)[field]?.message, { max: 200 });
  const followed = !main;
  const [remindersOn, ownSchedule] = useWatch({ control: form.control, name: ["reminderEnabled", "reminderOwnSchedule"] });
  const [confirmOn, waitlistMode] = useWatch({ control: form.control, name: ["confirmPublicSignups", "waitlistMode"] });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      <FormFeedback formError={formError} message={message} />
      {eventId && statusChange?.statusChangedTo ? (
        <StatusEmailPrompt
          eventId={eventId}
          status={statusChange.statusChangedTo}
          count={statusChange.participantCount}
          onClose={(count) => {
            setStatusChange(null);
            showSaved(count);
          }}
        />
      ) : null}
      {main ? <Alert tone="info">{t("followsMain", { number: main.number, name: main.name })}</Alert> : null}
      <div className="grid gap-4 md:grid-cols-2">
        <TextField label={t("name")} autoComplete="off" help={t("nameHelp")} error={e("name")} {...form.register("name")} />
        <SelectField label={t("responsible")} help={t("responsibleHelp")} error={e("responsibleId")} {...form.register("responsibleId")}>
          <option value="">{tc("none")}</option>
          {options.staff.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </SelectField>
        <TextField label={t("startsAt")} type="datetime-local" error={e("startsAt")} {...form.register("startsAt")} />
        <TextField label={t("endsAt")} type="datetime-local" error={e("endsAt")} {...form.register("endsAt")} />
        <SelectField label={t("timeZone")} help={t("timeZoneHelp")} error={e("timeZone")} {...form.register("timeZone")}>
          {timeZones.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </SelectField>
        <SelectField label={tc("status")} error={e("status")} {...form.register("status")}>
          {(["OPEN", "CONFIRMED", "CANCELLED"] as const).map((s) => (
            <option key={s} value={s}>
              {ts(s)}
            </option>
          ))}
        </SelectField>
        <TextField label={t("onlineUrl")} type="url" autoComplete="off" error={e("onlineUrl")} {...form.register("onlineUrl")} />
        <TextField label={t("workloadHours")} type="number" min={0} step="0.5" error={e("workloadHours")} {...form.register("workloadHours")} />
        {canSetMain ? (
          <TextField
            label={t("mainEventNumber")}
            type="number"
            min={1}
            help={t("mainEventNumberHelp")}
            error={e("mainEventNumber")}
            {...form.register("mainEventNumber")}
          />
        ) : (
          <input type="hidden" {...form.register("mainEventNumber")} />
        )}
      </div>
      <TextAreaField label={t("description")} help={t("descriptionHelp")} rows={6} error={e("description")} {...form.register("description")} />
      {followed ? (
        <fieldset className="grid gap-4 md:grid-cols-2">
          <legend className="mb-2 text-base font-medium text-slate-900">{t("registrationSettings")}</legend>
          <SelectField label={t("type")} error={e("typeId")} {...form.register("typeId")}>
            <option value="">{t("chooseType")}</option>
            {options.types.map((type) => (
              <option key={type.id} value={type.id}>
                {type.isPublic ? `${type.name} (${t("public")})` : type.name}
              </option>
            ))}
          </SelectField>
          <SelectField label={t("location")} help={t("locationHelp")} error={e("location") ?? e("placeId") ?? e("customerId")} {...form.register("location")}>
            <option value="">{tc("none")}</option>
            <optgroup label={t("places")}>
              {options.places.map((p) => (
                <option key={p.id} value={`place:${p.id}`}>
                  {p.isDefaultPublic ? `${p.name} (${t("defaultPublic")})` : p.name}
                </option>
              ))}
            </optgroup>
            <optgroup label={t("customers")}>
              {options.customers.map((c) => (
                <option key={c.id} value={`customer:${c.id}`}>
                  {c.name}
                </option>
              ))}
            </optgroup>
          </SelectField>
          <TextField label={t("seats")} type="number" min={0} error={e("seats")} {...form.register("seats")} />
          <TextField label={t("reserveSeats")} type="number" min={0} error={e("reserveSeats")} {...form.register("reserveSeats")} />
          <TextField label={t("registrationDeadline")} type="datetime-local" error={e("registrationDeadline")} {...form.register("registrationDeadline")} />
          <TextField label={t("cancellationDeadline")} type="datetime-local" error={e("cancellationDeadline")} {...form.register("cancellationDeadline")} />
          <SelectField label={t("portalQuestionnaire")} error={e("portalQuestionnaireId")} {...form.register("portalQuestionnaireId")}>
            <option value="">{tc("none")}</option>
            {options.questionnaires.map((q) => (
              <option key={q.id} value={q.id}>
                {q.name}
              </option>
            ))}
          </SelectField>
          <SelectField label={t("publicQuestionnaire")} error={e("publicQuestionnaireId")} {...form.register("publicQuestionnaireId")}>
            <option value="">{tc("none")}</option>
            {options.questionnaires.map((q) => (
              <option key={q.id} value={q.id}>
                {q.name}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t("certificateTemplate")}
            help={t("certificateTemplateHelp")}
            error={e("certificateTemplateId")}
            {...form.register("certificateTemplateId")}
          >
            <option value="">{tc("none")}</option>
            {options.certificateTemplates.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t("certificateAttendancePercent")}
            help={t("certificateAttendancePercentHelp")}
            type="number"
            min={1}
            max={100}
            inputMode="numeric"
            error={e("certificateAttendancePercent")}
            {...form.register("certificateAttendancePercent")}
          />
          <CheckboxField label={t("visibleInPortal")} {...form.register("visibleInPortal")} />
          <CheckboxField label={t("publicRegistration")} {...form.register("publicRegistration")} />
        </fieldset>
      ) : null}
      {followed ? (
        <fieldset className="grid gap-4 md:grid-cols-2">
          <legend className="mb-2 text-base font-medium text-slate-900">{tw("settings")}</legend>
          <div className="md:col-span-2">
            <CheckboxField label={tw("confirmPublicSignups")} aria-describedby="confirm-signups-help" {...form.register("confirmPublicSignups")} />
            <p id="confirm-signups-help" className="mt-1 text-sm text-slate-600">
              {tw("confirmPublicSignupsHelp")}
            </p>
          </div>
          {confirmOn ? (
            <TextField label={tw("holdMinutes")} type="number" min={5} inputMode="numeric" error={e("holdMinutes")} {...form.register("holdMinutes")} />
          ) : (
            <input type="hidden" {...form.register("holdMinutes")} />
          )}
          <SelectField label={tw("waitlistMode")} error={e("waitlistMode")} {...form.register("waitlistMode")}>
            <option value="AUTOMATIC">{tw("modeAUTOMATIC")}</option>
            <option value="OFFERS">{tw("modeOFFERS")}</option>
          </SelectField>
          {waitlistMode === "OFFERS" ? (
            <TextField label={tw("offerHours")} type="number" min={1} inputMode="numeric" error={e("offerHours")} {...form.register("offerHours")} />
          ) : (
            <input type="hidden" {...form.register("offerHours")} />
          )}
        </fieldset>
      ) : null}
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-slate-800">{t("reminders")}</legend>
        <CheckboxField label={t("reminderEnabled")} {...form.register("reminderEnabled")} />
        {remindersOn ? <CheckboxField label={t("reminderOwnSchedule")} {...form.register("reminderOwnSchedule")} /> : null}
        {remindersOn && ownSchedule ? (
          <ReminderScheduleFields offsets={form.register("reminderOffsets")} hour={form.register("reminderHour")} hourError={e("reminderHour")} />
        ) : null}
      </fieldset>
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? tc("saving") : eventId ? tc("save") : tc("create")}
      </Button>
    </form>
  );
}
