"use client";

// Sessions from a rule: staff describe the series, preview its dates (the
// same code the server runs, in the main event's time zone), then create them
// all at once. Any change to the rule hides the preview, so what is created is
// always what was last shown.
import { zodResolver } from "@hookform/resolvers/zod";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { FormFeedback } from "@/components/forms/form-feedback";
import { useActionForm, useErrorText } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { FieldError, TextAreaField, TextField } from "@/components/ui/field";
import { createSeriesAction } from "@/lib/events/series-actions";
import { SERIES_MAX, WEEKDAYS, seriesDates, seriesOccurrences, seriesSchema, type Occurrence, type SeriesInput } from "@/lib/events/series-rule";

interface SeriesFormProps {
  eventId: string;
  timeZone: string;
  defaults: SeriesInput;
}

// 2024-01-01 was a Monday: weekday n falls on 2024-01-0n, for the localized names.
const weekdayDate = (day: number) => new Date(Date.UTC(2024, 0, day, 12));

export function SeriesForm({ eventId, timeZone, defaults }: SeriesFormProps) {
  const t = useTranslations("events.series");
  const tc = useTranslations("common");
  const format = useFormatter();
  const errorText = useErrorText();
  const form = useForm<SeriesInput>({ resolver: zodResolver(seriesSchema), defaultValues: defaults });
  const { onSubmit, pending, formError, message } = useActionForm(form, createSeriesAction.bind(null, eventId));
  const ends = useWatch({ control: form.control, name: "ends" });
  const [preview, setPreview] = useState<{ sessions: Occurrence[]; skipped: string[] } | null>(null);
  const errors = form.formState.errors;
  // Any change to the rule hides the dates shown for the previous one.
  useEffect(() => form.subscribe({ formState: { values: true }, callback: () => setPreview(null) }), [form]);

  async function showPreview() {
    if (!(await form.trigger())) return setPreview(null);
    const values = form.getValues();
    setPreview({ sessions: seriesOccurrences(values, timeZone), skipped: seriesDates(values).skipped });
  }

  const when = (d: Date) => format.dateTime(d, { weekday: "short", year: "numeric", month: "short", day: "numeric", timeZone });
  const time = (d: Date) => format.dateTime(d, { timeStyle: "short", timeZone });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <FormFeedback formError={formError} message={message} />
      <TextField label={t("name")} help={t("nameHelp")} error={errorText(errors.name?.message)} {...form.register("name")} />
      <fieldset aria-describedby={errors.weekdays ? "series-weekdays-error" : undefined}>
        <legend className="text-sm font-medium text-slate-800">{t("weekdays")}</legend>
        <div className="mt-2 flex flex-wrap gap-3">
          {WEEKDAYS.map((day) => (
            <label key={day} className="flex items-center gap-1.5 text-sm text-slate-800">
              <input type="checkbox" value={String(day)} className="h-4 w-4 rounded text-indigo-700 focus:ring-indigo-600" {...form.register("weekdays")} />
              {format.dateTime(weekdayDate(day), { weekday: "long", timeZone: "UTC" })}
            </label>
          ))}
        </div>
        <FieldError id="series-weekdays-error" error={errorText(errors.weekdays?.message)} />
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField type="date" label={t("firstDate")} error={errorText(errors.firstDate?.message)} {...form.register("firstDate")} />
        <TextField type="time" label={t("startTime")} error={errorText(errors.startTime?.message)} {...form.register("startTime")} />
        <TextField type="time" label={t("endTime")} error={errorText(errors.endTime?.message)} {...form.register("endTime")} />
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">{t("ends")}</legend>
        <div className="mt-2 grid gap-4 sm:grid-cols-2">
          <div className="space-y-1">
            <label className="flex items-center gap-2 text-sm text-slate-800">
              <input type="radio" value="count" className="h-4 w-4 text-indigo-700 focus:ring-indigo-600" {...form.register("ends")} />
              {t("endsAfterCount")}
            </label>
            <TextField
              type="number"
              min={1}
              max={SERIES_MAX}
              inputMode="numeric"
              label={t("count")}
              disabled={ends !== "count"}
              error={errorText(errors.count?.message, { max: SERIES_MAX })}
              {...form.register("count")}
            />
          </div>
          <div className="space-y-1">
            <label className="flex items-center gap-2 text-sm text-slate-800">
              <input type="radio" value="until" className="h-4 w-4 text-indigo-700 focus:ring-indigo-600" {...form.register("ends")} />
              {t("endsOnDate")}
            </label>
            <TextField
              type="date"
              label={t("untilDate")}
              disabled={ends !== "until"}
              error={errorText(errors.untilDate?.message, { max: SERIES_MAX })}
              {...form.register("untilDate")}
            />
          </div>
        </div>
      </fieldset>
      <TextAreaField label={t("skipDates")} help={t("skipDatesHelp")} rows={3} error={errorText(errors.skipDates?.message)} {...form.register("skipDates")} />
      <p className="text-sm text-slate-600">{t("timeZoneNote", { timeZone })}</p>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={showPreview}>
          {t("preview")}
        </Button>
      </div>
      {preview ? (
        <section aria-labelledby="series-preview" className="rounded-md border border-slate-200 p-4">
          <h2 id="series-preview" className="mb-2 text-base font-medium">
            {t("previewTitle", { count: preview.sessions.length })}
          </h2>
          <ol className="list-decimal space-y-0.5 pl-6 text-sm">
            {preview.sessions.map((o) => (
              <li key={o.date}>
                {when(o.startsAt)} · {time(o.startsAt)}–{time(o.endsAt)}
              </li>
            ))}
          </ol>
          {preview.skipped.length ? <p className="mt-2 text-sm text-slate-600">{t("skippedList", { dates: preview.skipped.join(", ") })}</p> : null}
          <div className="mt-4">
            <Button type="submit" disabled={pending} aria-busy={pending}>
              {pending ? tc("saving") : t("create", { count: preview.sessions.length })}
            </Button>
          </div>
        </section>
      ) : null}
    </form>
  );
}
