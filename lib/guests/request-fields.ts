// What a guest request's requester sent: the built-in columns and the custom
// fields' snapshot. Kept apart from the request pages' module (server-only) so
// the worker's data export reads the same columns.
import type { Prisma } from "@/lib/generated/prisma/client";

export const guestRequestFieldsSelect = {
  requesterName: true,
  email: true,
  phone: true,
  location: true,
  asset: true,
  category: true,
  priority: true,
  title: true,
  description: true,
  customValues: true,
} satisfies Prisma.GuestRequestSelect;
