// Files as download links through /api/files/<id>, which checks who may read
// each one; internal files (present only in staff views) say so.
// No "use client": renders on the server and inside client components alike.
import { useFormatter } from "next-intl";
import { Badge } from "@/components/ui/badge";

export interface ThreadFile {
  id: string;
  fileName: string;
  size: number;
  /** When it was added; shown with showDate. */
  createdAt?: Date;
  internal?: boolean;
}

/** The owner's words for a file's size and for an internal file. */
export interface FileLabels {
  size: (kb: number) => string;
  internal?: string;
}

export function FileLinks({
  files,
  labels,
  className = "",
  showDate = false,
}: {
  files: ThreadFile[];
  labels: FileLabels;
  className?: string;
  showDate?: boolean;
}) {
  const format = useFormatter();
  return (
    <ul className={`space-y-1 text-sm ${className}`}>
      {files.map((f) => (
        <li key={f.id} className="flex flex-wrap items-center gap-2">
          <a href={`/api/files/${f.id}`} className="break-all text-indigo-700 underline">
            {f.fileName}
          </a>
          <span className="text-slate-600">({labels.size(Math.max(1, Math.round(f.size / 1024)))})</span>
          {showDate && f.createdAt ? (
            <time dateTime={f.createdAt.toISOString()} className="text-slate-500">
              {format.dateTime(f.createdAt, { dateStyle: "medium", timeStyle: "short" })}
            </time>
          ) : null}
          {f.internal ? <Badge tone="amber">{labels.internal}</Badge> : null}
        </li>
      ))}
    </ul>
  );
}
