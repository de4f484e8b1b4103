// A ticket's files as download links through /api/files/<id>, which checks who
// may read each one. Internal files appear only in staff views and say so.
// No "use client": renders on the server and inside client components alike.
import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import type { TicketFileView } from "@/lib/tickets/views";

export function FileLinks({ files, className = "", showDate = false }: { files: TicketFileView[]; className?: string; showDate?: boolean }) {
  const t = useTranslations("tickets.files");
  const format = useFormatter();
  return (
    <ul className={`space-y-1 text-sm ${className}`}>
      {files.map((f) => (
        <li key={f.id} className="flex flex-wrap items-center gap-2">
          <a href={`/api/files/${f.id}`} className="break-all text-indigo-700 underline">
            {f.fileName}
          </a>
          <span className="text-slate-600">({t("size", { kb: Math.max(1, Math.round(f.size / 1024)) })})</span>
          {showDate ? (
            <time dateTime={f.createdAt.toISOString()} className="text-slate-500">
              {format.dateTime(f.createdAt, { dateStyle: "medium", timeStyle: "short" })}
            </time>
          ) : null}
          {f.internal ? <Badge tone="amber">{t("internal")}</Badge> : null}
        </li>
      ))}
    </ul>
  );
}

/** Every file of the ticket, then the "add files" form when the viewer may attach (passed in, bound to its action). */
export function TicketAttachments({ files, addForm }: { files: TicketFileView[]; addForm?: ReactNode }) {
  const t = useTranslations("tickets.files");
  return (
    <div className="space-y-4">
      {files.length === 0 ? <p className="text-sm text-slate-600">{t("none")}</p> : <FileLinks files={files} showDate />}
      {addForm ?? null}
    </div>
  );
}
