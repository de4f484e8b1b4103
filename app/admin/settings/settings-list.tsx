import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ActiveBadge } from "@/components/ui/active-badge";
import { DataTable, type Column } from "@/components/ui/data-table";
import { SettingsListHeader } from "./settings-list-header";

interface SettingRow {
  id: string;
  name: string;
  active?: boolean;
}

/**
 * A settings list page: header with "New", then a table whose first column
 * links each row's name to its edit page and whose last shows active/inactive
 * (for rows that have it). `columns` go in between.
 */
export async function SettingsList<T extends SettingRow>({
  title,
  newLabel,
  basePath,
  rows,
  created,
  columns,
}: {
  title: string;
  newLabel: string;
  basePath: string;
  rows: T[];
  created: boolean;
  columns: Column<T>[];
}) {
  const tc = await getTranslations("common");
  const hasStatus = rows.some((r) => r.active !== undefined);
  return (
    <>
      <SettingsListHeader title={title} newHref={`${basePath}/new`} newLabel={newLabel} created={created} />
      <DataTable
        caption={title}
        rows={rows}
        rowKey={(r) => r.id}
        empty={tc("empty")}
        columns={[
          {
            header: tc("name"),
            cell: (r) => (
              <Link href={`${basePath}/${r.id}`} className="text-indigo-700 underline">
                {r.name}
              </Link>
            ),
          },
          ...columns,
          ...(hasStatus ? [{ header: tc("status"), cell: (r: T) => <ActiveBadge active={r.active ?? true} /> }] : []),
        ]}
      />
    </>
  );
}
