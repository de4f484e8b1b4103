// A ticket's files, for lib/files: a portal client reads those of the tickets
// in their scope (customers they reach, minus the types their profile blocks),
// never the internal ones.
import { isPortalClient } from "@/lib/auth/actor";
import type { AttachmentOwner } from "@/lib/files/attachment-owners";
import { clientTicketScope } from "./access";

export const ticketAttachments: AttachmentOwner = {
  relation: "ticketAttachment",
  async mayRead(db, actor, fileId) {
    if (!isPortalClient(actor)) return false;
    const scope = await clientTicketScope(db, actor);
    return (await db.ticketAttachment.count({ where: { fileId, internal: false, ticket: scope.where } })) > 0;
  },
};
