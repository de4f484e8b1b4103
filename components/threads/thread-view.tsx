// A thread of messages, oldest first, the same for a ticket's discussion and a
// contact's thread: author, a staff (or client) marker, time in the viewer's
// time zone, text kept as typed (never HTML), files as download links. Internal
// notes (present only in staff views) carry a badge; an outcome the owner
// records in the thread (a ticket's understanding approved or rejected) stands
// out. The owner passes its own words (labels) and, after the list, its form.
// No "use client": it renders on the server and inside client components alike.
import { useFormatter } from "next-intl";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { FileLinks, type FileLabels, type ThreadFile } from "./file-links";

export interface ThreadMessage {
  id: string;
  authorName: string;
  fromStaff: boolean;
  body: string;
  createdAt: Date;
  /** A staff-only note. */
  internal?: boolean;
  /** Shown before the text, green when approved, red otherwise. */
  outcome?: { text: string; approved: boolean };
  files: ThreadFile[];
}

export interface ThreadLabels {
  /** The list's accessible name. */
  title: string;
  /** Shown instead of an empty list. */
  empty?: string;
  staff: string;
  /** The marker of messages from the client's side; none when only staff are marked. */
  client?: string;
  internal?: string;
  files: FileLabels;
}

function frame(m: ThreadMessage): string {
  if (m.outcome) return m.outcome.approved ? "border-green-300 bg-green-50" : "border-red-300 bg-red-50";
  if (m.internal) return "border-amber-300 bg-amber-50";
  return m.fromStaff ? "border-indigo-200 bg-indigo-50" : "border-slate-200 bg-white";
}

function MessageItem({ message: m, labels }: { message: ThreadMessage; labels: ThreadLabels }) {
  const format = useFormatter();
  return (
    <li className={`rounded-lg border p-4 ${frame(m)}`}>
      <div className="mb-2 flex flex-wrap items-center gap-2 text-sm">
        <span className="font-medium text-slate-900">{m.authorName}</span>
        {m.fromStaff ? <Badge tone="blue">{labels.staff}</Badge> : labels.client ? <Badge tone="gray">{labels.client}</Badge> : null}
        {m.internal ? <Badge tone="amber">{labels.internal}</Badge> : null}
        <time dateTime={m.createdAt.toISOString()} className="text-slate-600">
          {format.dateTime(m.createdAt, { dateStyle: "medium", timeStyle: "short" })}
        </time>
      </div>
      {m.outcome ? (
        <p className={`font-medium ${m.outcome.approved ? "text-green-900" : "text-red-900"}`}>
          {m.outcome.text}
          {m.body ? <span className="font-normal break-words whitespace-pre-wrap text-slate-800">: {m.body}</span> : null}
        </p>
      ) : m.body ? (
        <p className="break-words whitespace-pre-wrap text-slate-800">{m.body}</p>
      ) : null}
      {m.files.length > 0 ? <FileLinks files={m.files} labels={labels.files} className="mt-3" /> : null}
    </li>
  );
}

/** The messages, then `after` (the owner's form, or why there is none). */
export function ThreadView({ messages, labels, after }: { messages: ThreadMessage[]; labels: ThreadLabels; after?: ReactNode }) {
  const list =
    messages.length === 0 && labels.empty ? (
      <p className="text-sm text-slate-600">{labels.empty}</p>
    ) : (
      <ol className="space-y-3" aria-label={labels.title}>
        {messages.map((m) => (
          <MessageItem key={m.id} message={m} labels={labels} />
        ))}
      </ol>
    );
  if (after === undefined) return list;
  return (
    <div className="space-y-4">
      {list}
      {after}
    </div>
  );
}
