import type { ReactNode } from "react";

export interface Column<T> {
  header: ReactNode;
  cell: (row: T) => ReactNode;
  className?: string;
  /** The header as plain text, shown beside each value on a phone; defaults to `header` when that is a string. */
  label?: string;
  /** The row's actions: kept in view at the right edge while a wide table scrolls. */
  actions?: boolean;
}

// One markup for every width, switched by the width the table gets (a container
// query), not the window's: on a phone, or in a narrow column beside the
// navigation, each row is a card of label/value lines, so no column is cut
// off; from 42rem on it is a table whose first column (what the row is) and
// actions column stay in view when it still has to scroll sideways.
const tableFrameClass = "@container rounded-lg border border-slate-200 bg-white";
const tableScrollClass = "@2xl:overflow-x-auto";
const tableClass = "block w-full text-sm @2xl:table @2xl:min-w-full @2xl:divide-y @2xl:divide-slate-200";
const theadClass = "hidden bg-slate-50 @2xl:table-header-group";
const tbodyClass = "block divide-y divide-slate-200 @2xl:table-row-group @2xl:divide-slate-100";
const trClass = "group block px-4 py-3 @2xl:table-row @2xl:p-0 @2xl:hover:bg-slate-50";
const thClass = "px-4 py-2 text-left font-medium text-slate-700";
/** A cell: a "label value" line in a card, an ordinary cell in a table. Give it `data-label`. */
const tdClass =
  "grid grid-cols-[minmax(0,7.5rem)_minmax(0,1fr)] gap-x-3 py-1 text-slate-800 before:font-medium before:text-slate-600 before:content-[attr(data-label)] @2xl:table-cell @2xl:px-4 @2xl:py-2 @2xl:align-top @2xl:before:content-none";
/** The first column's cell: the card's title on a phone, pinned to the left of a scrolling table. */
const stickyFirstClass = "@2xl:sticky @2xl:left-0 @2xl:z-10 @2xl:bg-white @2xl:group-hover:bg-slate-50";
/** The actions' cell: full width under the card, pinned to the right of a scrolling table. */
const stickyActionsClass = "@2xl:sticky @2xl:right-0 @2xl:z-10 @2xl:bg-white @2xl:group-hover:bg-slate-50 @2xl:shadow-[-1px_0_0_var(--color-slate-200)]";

function labelOf<T>(column: Column<T>): string {
  return column.label ?? (typeof column.header === "string" ? column.header : "");
}

/** A plain, accessible table with an empty state; cards on narrow screens. */
export function DataTable<T>({
  rows,
  columns,
  rowKey,
  empty,
  caption,
}: {
  rows: T[];
  columns: Column<T>[];
  rowKey: (row: T) => string;
  empty: ReactNode;
  caption: string;
}) {
  if (rows.length === 0) return <p className="rounded-md border border-dashed border-slate-300 p-8 text-center text-sm text-slate-600">{empty}</p>;
  return (
    <div className={tableFrameClass}>
      <div className={tableScrollClass}>
        <table className={tableClass}>
          <caption className="sr-only">{caption}</caption>
          <thead className={theadClass}>
            <tr>
              {columns.map((c, i) => (
                <th
                  key={i}
                  scope="col"
                  className={`${thClass} ${i === 0 ? "@2xl:sticky @2xl:left-0 @2xl:z-10 @2xl:bg-slate-50" : ""} ${c.actions ? "@2xl:sticky @2xl:right-0 @2xl:z-10 @2xl:bg-slate-50" : ""} ${c.className ?? ""}`}
                >
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className={tbodyClass}>
            {rows.map((row) => (
              <tr key={rowKey(row)} className={trClass}>
                {columns.map((c, i) => (
                  <td
                    key={i}
                    data-label={labelOf(c)}
                    className={`${tdClass} ${i === 0 ? stickyFirstClass : ""} ${c.actions ? `${stickyActionsClass} pt-2` : ""} ${c.className ?? ""}`}
                  >
                    <div className="min-w-0 break-words">{c.cell(row)}</div>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
