"use client";

// The reminder schedule's fields: which offsets before the start, and the hour
// of the day-based ones. Used by Settings → Reminders and by an event's own schedule.
import { useTranslations } from "next-intl";
import type { UseFormRegisterReturn } from "react-hook-form";
import { SelectField } from "@/components/ui/field";
import { REMINDER_OFFSETS, parseOffset } from "@/lib/events/reminder-schedule";

const HOURS = Array.from({ length: 24 }, (_, h) => h);

export function ReminderScheduleFields({ offsets, hour, hourError }: { offsets: UseFormRegisterReturn; hour: UseFormRegisterReturn; hourError?: string }) {
  const t = useTranslations("settings.reminders");
  return (
    <div className="space-y-4">
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">{t("offsets")}</legend>
        <p className="mt-1 text-xs text-slate-600">{t("offsetsHelp")}</p>
        <div className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-5">
          {REMINDER_OFFSETS.map((offset) => {
            const { amount, unit } = parseOffset(offset);
            return (
              <label key={offset} className="flex items-center gap-2 text-sm text-slate-800">
                <input type="checkbox" value={offset} className="h-4 w-4 rounded text-indigo-700 focus:ring-indigo-600" {...offsets} />
                {unit === "d" ? t("daysBefore", { count: amount }) : t("hoursBefore", { count: amount })}
              </label>
            );
          })}
        </div>
      </fieldset>
      <SelectField label={t("hour")} help={t("hourHelp")} error={hourError} className="max-w-32" {...hour}>
        {HOURS.map((h) => (
          <option key={h} value={String(h)}>
            {`${String(h).padStart(2, "0")}:00`}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
