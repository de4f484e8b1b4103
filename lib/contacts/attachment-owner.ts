// The files of a contact's messages, for lib/files: every portal user who
// reaches the contact's customer reads them (the thread has no internal part).
import { isPortalClient } from "@/lib/auth/actor";
import { reachableCustomerIds } from "@/lib/customers/access";
import type { AttachmentOwner } from "@/lib/files/attachment-owners";

export const contactAttachments: AttachmentOwner = {
  relation: "contactAttachment",
  async mayRead(db, actor, fileId) {
    if (!isPortalClient(actor)) return false;
    const customerIds = await reachableCustomerIds(db, actor);
    return (await db.contactAttachment.count({ where: { fileId, message: { contact: { customerId: { in: customerIds } } } } })) > 0;
  },
};
