// A guest request's files, for lib/files: the requester has no account, so only
// staff read them (files.ts lets staff read every file). Registered so that an
// upload a request holds is never claimed for anything else.
import type { AttachmentOwner } from "@/lib/files/attachment-owners";

export const guestRequestFiles: AttachmentOwner = {
  relation: "guestRequestFile",
  mayRead: async () => false,
};
