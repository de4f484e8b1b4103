// Staff forms of the guest requests (client-safe: zod only).
import { z } from "zod";

/** "Open" a guest request: the group narrows the types offered; the type decides the workflow. */
export const openGuestRequestSchema = z.object({
  groupId: z.uuid("validation.required"),
  typeId: z.uuid("validation.required"),
});
export type OpenGuestRequestInput = z.input<typeof openGuestRequestSchema>;
