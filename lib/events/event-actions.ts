"use server";

// Server actions of the staff event pages (shape: lib/actions/define-action.ts).
import { defineAction } from "@/lib/actions/define-action";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { recordId } from "@/lib/forms/record-id";
import { setEventArtwork } from "./event-artwork";
import { createEvent, updateEvent } from "./event-save";
import { eventSchema } from "./schemas";

const eventPaths = (id: string) => ["/admin/events", `/admin/events/${id}`];

export const createEventAction = defineAction({
  name: "events.create",
  guard: requireStaff,
  input: eventSchema,
  revalidate: ["/admin/events"],
  run: async ({ actor, input }) => {
    const { id } = await createEvent(db, actor, input);
    return { redirectTo: `/admin/events/${id}?created=1` };
  },
});

/** On a change to Confirmed or Cancelled, `data` tells the form to offer the status e-mail. */
export const updateEventAction = defineAction({
  name: "events.update",
  guard: requireStaff,
  args: [recordId],
  input: eventSchema,
  run: async ({ actor, args: [id], input }) => {
    const { emailIds, ...data } = await updateEvent(db, actor, id, input);
    return { data, emailIds, revalidate: eventPaths(id), message: { key: "common.saved" } };
  },
});

export const setEventArtworkAction = defineAction({
  name: "events.setArtwork",
  guard: requireStaff,
  args: [recordId, recordId.nullable()],
  run: async ({ actor, args: [id, fileId] }) => {
    await setEventArtwork(db, actor, id, fileId);
    return { revalidate: eventPaths(id), message: { key: "common.saved" } };
  },
});
