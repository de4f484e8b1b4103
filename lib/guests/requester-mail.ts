// E-mails to the person who sent a guest portal request. They have no
// account: the address and language come from the request itself, and every
// message carries the private status link. Written to the outbox in the caller's
// transaction; the caller wakes the sender (notifyOutbox) after commit.
import "server-only";
import type { DbOrTx } from "@/lib/db";
import { isUuid } from "@/lib/db/query-guards";
import { enqueueEmail } from "@/lib/email";
import { guestStatusUrl } from "./status-token";

export type GuestRequesterEvent = "opened" | "closed";

const requesterSelect = { id: true, number: true, email: true, requesterName: true, locale: true, title: true } as const;

/** "Your request was opened / closed". Returns the outbox ids; [] when no e-mail was given. */
export async function mailGuestRequester(tx: DbOrTx, requestId: string, event: GuestRequesterEvent): Promise<string[]> {
  if (!isUuid(requestId)) return [];
  const request = await tx.guestRequest.findUnique({ where: { id: requestId }, select: requesterSelect });
  if (!request?.email) return [];
  const id = await enqueueEmail(tx, {
    to: request.email,
    locale: request.locale,
    template: "guestRequestStatus",
    props: { name: request.requesterName, number: request.number, event, statusUrl: guestStatusUrl(request.id) },
  });
  return [id];
}

/** The receipt sent right after submission. Returns the outbox ids; [] when no e-mail was given. */
export async function mailGuestReceipt(tx: DbOrTx, requestId: string): Promise<string[]> {
  const request = await tx.guestRequest.findUnique({ where: { id: requestId }, select: requesterSelect });
  if (!request?.email) return [];
  const id = await enqueueEmail(tx, {
    to: request.email,
    locale: request.locale,
    template: "guestRequestReceived",
    props: { name: request.requesterName, number: request.number, title: request.title, statusUrl: guestStatusUrl(request.id) },
  });
  return [id];
}
