// A ticket's files as download links through /api/files/<id>, which checks who
// may read each one. Internal files appear only in staff views and say so.
// No "use client": renders on the server and inside client components alike.
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { FileLinks, type FileLabels } from "@/components/threads/file-links";
import type { TicketFileView } from "@/lib/tickets/views";

/** How a ticket names a file's size and an internal file. */
export function useTicketFileLabels(): FileLabels {
  const t = useTranslations("tickets.files");
  return { size: (kb) => t("size", { kb }), internal: t("internal") };
}

/** Every file of the ticket, then the "add files" form when the viewer may attach (passed in, bound to its action). */
export function TicketAttachments({ files, addForm }: { files: TicketFileView[]; addForm?: ReactNode }) {
  const t = useTranslations("tickets.files");
  const labels = useTicketFileLabels();
  return (
    <div className="space-y-4">
      {files.length === 0 ? <p className="text-sm text-slate-600">{t("none")}</p> : <FileLinks files={files} labels={labels} showDate />}
      {addForm ?? null}
    </div>
  );
}
