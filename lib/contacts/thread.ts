// What a contact's page shows, the same for the company and for staff: the
// classification data as the contact was created (snapshots), and the thread of
// messages with their attachments (downloaded through /api/files/<id>).
import type { Prisma } from "@/lib/generated/prisma/client";

export const contactSummarySelect = {
  id: true,
  number: true,
  module: true,
  classificationName: true,
  subclassificationName: true,
  channelName: true,
  status: true,
  createdAt: true,
  updatedAt: true,
  customer: { select: { name: true } },
} satisfies Prisma.ContactSelect;

export type ContactSummary = Prisma.ContactGetPayload<{ select: typeof contactSummarySelect }>;

export const contactDetailSelect = {
  ...contactSummarySelect,
  contactName: true,
  phone: true,
  email: true,
  finishedAt: true,
  createdBy: { select: { name: true } },
  messages: {
    select: {
      id: true,
      authorName: true,
      fromStaff: true,
      body: true,
      createdAt: true,
      attachments: { select: { file: { select: { id: true, fileName: true, size: true } } }, orderBy: { file: { fileName: "asc" } } },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  },
} satisfies Prisma.ContactSelect;

export type ContactDetail = Prisma.ContactGetPayload<{ select: typeof contactDetailSelect }>;

/** "#12" or "12" → 12; anything else → undefined (the lists search by number only). */
export function parseNumberQuery(q: string): number | undefined {
  if (!/^#?\d{1,9}$/.test(q.trim())) return undefined;
  return Number(q.trim().replace("#", ""));
}
