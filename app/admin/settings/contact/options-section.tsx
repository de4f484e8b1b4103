import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ActiveBadge } from "@/components/ui/active-badge";
import { buttonClass } from "@/components/ui/button";
import { DataTable, type Column } from "@/components/ui/data-table";

interface OptionRow {
  id: string;
  name: string;
  active: boolean;
}

/** One list of the contact settings: title, "New" link, then name (linked to its page), `columns`, status. */
export async function OptionsSection<T extends OptionRow>({
  title,
  caption,
  help,
  newHref,
  newLabel,
  rows,
  hrefFor,
  columns = [],
}: {
  title: React.ReactNode;
  caption: string;
  help?: string;
  newHref: string;
  newLabel: string;
  rows: T[];
  hrefFor: (row: T) => string;
  columns?: Column<T>[];
}) {
  const tc = await getTranslations("common");
  return (
    <section className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h2 className="flex items-center gap-2 text-lg font-medium">{title}</h2>
          {help ? <p className="text-sm text-slate-600">{help}</p> : null}
        </div>
        <Link href={newHref} className={buttonClass("secondary")}>
          {newLabel}
        </Link>
      </div>
      <DataTable
        caption={caption}
        rows={rows}
        rowKey={(r) => r.id}
        empty={tc("empty")}
        columns={[
          {
            header: tc("name"),
            cell: (r) => (
              <Link href={hrefFor(r)} className="text-indigo-700 underline">
                {r.name}
              </Link>
            ),
          },
          ...columns,
          { header: tc("status"), cell: (r) => <ActiveBadge active={r.active} /> },
        ]}
      />
    </section>
  );
}
