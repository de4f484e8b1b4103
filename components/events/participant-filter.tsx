import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { FilterSelect } from "@/components/ui/filter-select";
import { PARTICIPANT_FILTERS, type ParticipantFilter } from "@/lib/events/participants";

const labels = { held: "filterHeld", confirmed: "filterConfirmed", expired: "filterExpired", offered: "filterOffered" } as const;

/** Narrows the participants list to sign-ups awaiting, having or missing their e-mail confirmation, or reserves offered a seat. */
export async function ParticipantFilterForm({ value }: { value?: ParticipantFilter }) {
  const t = await getTranslations("events.waitlist");
  return (
    <form method="get" className="mb-4 flex flex-wrap items-center gap-2">
      <FilterSelect
        name="show"
        label={t("filter")}
        allLabel={t("filterAll")}
        value={value}
        options={PARTICIPANT_FILTERS.map((f) => ({ value: f, label: t(labels[f]) }))}
      />
      <Button type="submit" variant="secondary">
        {t("filter")}
      </Button>
    </form>
  );
}
