// A contact's messages, oldest first: author (marked when from staff), time,
// text kept as typed (never HTML), and the attachments as download links
// through /api/files/<id>, which checks who may read them.
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { ContactDetail } from "@/lib/contacts/thread";

export async function ContactThread({ messages }: { messages: ContactDetail["messages"] }) {
  const [t, format] = await Promise.all([getTranslations("contacts"), getFormatter()]);
  return (
    <ol className="space-y-4" aria-label={t("thread")}>
      {messages.map((m) => (
        <li key={m.id} className={`rounded-lg border p-4 ${m.fromStaff ? "border-indigo-200 bg-indigo-50" : "border-slate-200 bg-white"}`}>
          <div className="mb-2 flex flex-wrap items-center gap-2 text-sm">
            <span className="font-medium text-slate-900">{m.authorName}</span>
            {m.fromStaff ? <Badge tone="blue">{t("staffBadge")}</Badge> : null}
            <time dateTime={m.createdAt.toISOString()} className="text-slate-600">
              {format.dateTime(m.createdAt, { dateStyle: "medium", timeStyle: "short" })}
            </time>
          </div>
          <p className="whitespace-pre-wrap break-words text-slate-800">{m.body}</p>
          {m.attachments.length > 0 ? (
            <ul className="mt-3 space-y-1 text-sm">
              {m.attachments.map(({ file }) => (
                <li key={file.id}>
                  <a href={`/api/files/${file.id}`} className="text-indigo-700 underline">
                    {file.fileName}
                  </a>{" "}
                  <span className="text-slate-600">({t("fileSize", { size: Math.max(1, Math.round(file.size / 1024)) })})</span>
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
