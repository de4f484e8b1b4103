// The records that hold uploaded files (a ticket, a contact's messages, a guest
// request) each register here, from their own domain, the StoredFile relation
// that holds a file and who besides the uploader and staff may read it.
// openFile asks every owner; claimUploads hands out only files no owner holds
// yet, so one upload is never attached twice. A new kind of attachment adds
// one entry here instead of another branch in the file access code.
import type { Actor } from "@/lib/auth/actor";
import type { DbOrTx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { contactAttachments } from "@/lib/contacts/attachment-owner";
import { guestRequestFiles } from "@/lib/guests/attachment-owner";
import { ticketAttachments } from "@/lib/tickets/attachment-owner";

export interface AttachmentOwner {
  /** The StoredFile relation through which this owner holds a file (null while it holds none). */
  relation: Exclude<keyof Prisma.StoredFileInclude, "owner">;
  /**
   * Whether the actor may read the file through this owner: true only when the
   * file is attached to a record of this kind that the actor reaches.
   */
  mayRead(db: DbOrTx, actor: Actor, fileId: string): Promise<boolean>;
}

export const attachmentOwners: readonly AttachmentOwner[] = [ticketAttachments, contactAttachments, guestRequestFiles];

/** Files that no owner holds yet. */
export function unattachedWhere(): Prisma.StoredFileWhereInput {
  return { AND: attachmentOwners.map((owner) => ({ [owner.relation]: null })) };
}

/** True when some owner lets the actor read the file. */
export async function readableThroughOwner(db: DbOrTx, actor: Actor, fileId: string): Promise<boolean> {
  const answers = await Promise.all(attachmentOwners.map((owner) => owner.mayRead(db, actor, fileId)));
  return answers.some(Boolean);
}
