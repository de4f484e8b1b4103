"use server";

// Answering a seat offered from the reserve list (shape:
// lib/actions/define-action.ts): clients in the portal, public registrants on
// the page their private link opens (the token proves who they are). The
// domain (offers.ts) enforces the deadline and the seat rules again.
import { z } from "zod";
import { anyone, defineAction } from "@/lib/actions/define-action";
import { requireClient } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { recordId } from "@/lib/forms/record-id";
import { acceptOffer, declineOffer } from "./offers";
import { MAX_TOKEN_LENGTH } from "./private-links";

const tokenArg = z.string().min(1).max(MAX_TOKEN_LENGTH);

export const acceptMyOfferAction = defineAction({
  name: "events.acceptOffer",
  guard: requireClient,
  args: [recordId],
  revalidate: [["/portal", "layout"]],
  run: async ({ actor, args: [registrationId] }) => {
    const { emailIds } = await acceptOffer(db, { actor }, registrationId);
    return { emailIds, message: { key: "events.waitlist.accepted" } };
  },
});

export const declineMyOfferAction = defineAction({
  name: "events.declineOffer",
  guard: requireClient,
  args: [recordId],
  revalidate: [["/portal", "layout"]],
  run: async ({ actor, args: [registrationId] }) => {
    const { emailIds } = await declineOffer(db, { actor }, registrationId);
    return { emailIds, message: { key: "events.waitlist.declined" } };
  },
});

export const acceptOfferByLinkAction = defineAction({
  name: "events.acceptOfferByLink",
  guard: anyone,
  args: [tokenArg, recordId],
  run: async ({ args: [accessToken, registrationId] }) => {
    const { emailIds } = await acceptOffer(db, { accessToken }, registrationId);
    return { emailIds, message: { key: "events.waitlist.accepted" } };
  },
});

export const declineOfferByLinkAction = defineAction({
  name: "events.declineOfferByLink",
  guard: anyone,
  args: [tokenArg, recordId],
  run: async ({ args: [accessToken, registrationId] }) => {
    const { emailIds } = await declineOffer(db, { accessToken }, registrationId);
    return { emailIds, message: { key: "events.waitlist.declined" } };
  },
});
