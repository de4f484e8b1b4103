// What the private status link (/g/status/<token>) shows the requester: the
// request as sent, its status and, once opened, the staff's public replies on
// its ticket. Internal notes and the client's own decisions are never selected.
import "server-only";
import type { DbOrTx } from "@/lib/db";
import { TicketMessageKind } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { guestRequestFieldsSelect } from "./request-fields";
import { hashGuestStatusToken } from "./status-token";

/** Replies shown: the latest ones, oldest first. */
const MAX_REPLIES = 100;

const statusSelect = {
  number: true,
  status: true,
  ...guestRequestFieldsSelect,
  createdAt: true,
  files: { select: { file: { select: { id: true, fileName: true, size: true } } } },
  ticket: {
    select: {
      messages: {
        // The one rule of this page: public comments written by staff, nothing else.
        where: { kind: TicketMessageKind.COMMENT, fromStaff: true },
        orderBy: { createdAt: "desc" },
        take: MAX_REPLIES,
        select: { id: true, authorName: true, body: true, createdAt: true },
      },
    },
  },
} satisfies Prisma.GuestRequestSelect;

export type GuestStatusView = Omit<Prisma.GuestRequestGetPayload<{ select: typeof statusSelect }>, "ticket"> & {
  replies: { id: string; authorName: string; body: string; createdAt: Date }[];
};

export async function getGuestRequestByStatusToken(db: DbOrTx, token: unknown): Promise<GuestStatusView | null> {
  if (typeof token !== "string" || !/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const row = await db.guestRequest.findUnique({ where: { statusTokenHash: hashGuestStatusToken(token) }, select: statusSelect });
  if (!row) return null;
  const { ticket, ...request } = row;
  return { ...request, replies: (ticket?.messages ?? []).reverse() };
}
