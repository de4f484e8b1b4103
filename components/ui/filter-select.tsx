// Labelled <select>s for the filters of a GET SearchForm; "" means "all".
import { useTranslations } from "next-intl";

export function FilterSelect({
  name,
  label,
  allLabel,
  value,
  options,
}: {
  name: string;
  label: string;
  allLabel: string;
  value?: string;
  options: { value: string; label: string }[];
}) {
  const id = `filter-${name}`;
  return (
    <>
      <label className="sr-only" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={value ?? ""}
        className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm focus:ring-2 focus:ring-indigo-600 focus:outline-none"
      >
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </>
  );
}

/** The active/inactive filter of the admin lists (?status=active|inactive). */
export function StatusFilter({ active }: { active?: boolean }) {
  const t = useTranslations("common");
  return (
    <FilterSelect
      name="status"
      label={t("status")}
      allLabel={t("allStatuses")}
      value={active === undefined ? undefined : active ? "active" : "inactive"}
      options={[
        { value: "active", label: t("active") },
        { value: "inactive", label: t("inactive") },
      ]}
    />
  );
}
