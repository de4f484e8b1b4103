"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { setTimeZoneAction } from "@/lib/i18n/actions";

/** The time zone every date is shown in; the language is the header's switcher. */
export function PreferencesForm({ timeZone, timeZones }: { timeZone: string; timeZones: string[] }) {
  const t = useTranslations("profilePage");
  const tc = useTranslations("common");
  const [value, setValue] = useState(timeZone);
  const [pending, startTransition] = useTransition();
  const [saved, setSaved] = useState<boolean | null>(null);
  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => setSaved((await setTimeZoneAction(value)).ok));
      }}
    >
      {saved === true ? <Alert tone="success">{t("saved")}</Alert> : null}
      {saved === false ? <Alert tone="error">{tc("genericError")}</Alert> : null}
      <SelectField label={t("timeZone")} value={value} onChange={(e) => setValue(e.target.value)}>
        {timeZones.map((tz) => (
          <option key={tz} value={tz}>
            {tz}
          </option>
        ))}
      </SelectField>
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {/* Named for what it saves: the CPF form below has its own button. */}
        {pending ? tc("saving") : t("saveTimeZone")}
      </Button>
    </form>
  );
}
