"use server";

// Staff actions on an event's participants and its status e-mails (shape:
// lib/actions/define-action.ts); each revalidates the event page.
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { recordId } from "@/lib/forms/record-id";
import { markAttendance } from "./attendance";
import { cancelRegistration } from "./registration";
import { addParticipantSchema, cancelRegistrationSchema } from "./schemas";
import { addParticipant } from "./staff-participants";
import { sendStatusEmails } from "./status-emails";

const eventPage = (eventId: string) => [`/admin/events/${eventId}`];

export const addParticipantAction = defineAction({
  name: "events.addParticipant",
  guard: requireStaff,
  args: [recordId],
  input: addParticipantSchema,
  run: async ({ actor, args: [eventId], input }) => {
    const result = await addParticipant(db, actor, eventId, input);
    return {
      emailIds: result.emailIds,
      revalidate: eventPage(eventId),
      message: result.beyondSeatLimit
        ? { key: "events.admin.participantAddedBeyondLimit" }
        : result.status === "RESERVE"
          ? { key: "events.admin.participantOnReserve", values: { position: result.reservePosition ?? 0 } }
          : { key: "events.admin.participantAdded" },
    };
  },
});

/** Staff cancel with an optional reason; the registrant is e-mailed and sees the reason. */
export const cancelParticipantAction = defineAction({
  name: "events.cancelParticipant",
  guard: requireStaff,
  args: [recordId, recordId],
  input: cancelRegistrationSchema,
  run: async ({ actor, args: [eventId, registrationId], input }) => {
    const { emailIds } = await cancelRegistration(db, { actor }, registrationId, { reason: input.reason });
    return { emailIds, revalidate: eventPage(eventId), message: { key: "events.admin.registrationCancelled" } };
  },
});

export const setAttendanceAction = defineAction({
  name: "events.setAttendance",
  guard: requireStaff,
  args: [recordId, recordId, z.boolean()],
  run: async ({ actor, args: [eventId, registrationId, attended] }) => {
    await markAttendance(db, actor, registrationId, attended);
    return { revalidate: eventPage(eventId) };
  },
});

export const sendStatusEmailsAction = defineAction({
  name: "events.sendStatusEmails",
  guard: requireStaff,
  args: [recordId],
  run: async ({ actor, args: [eventId] }) => {
    const { count, emailIds } = await sendStatusEmails(db, actor, eventId);
    return { emailIds, data: { count }, revalidate: eventPage(eventId), message: { key: "events.admin.emailsQueued", values: { count } } };
  },
});
