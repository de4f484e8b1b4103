"use server";

// The portal profile's calendar subscription (shape: lib/actions/define-action.ts):
// make (or replace) the private address, or turn it off. The address comes
// back once, in the result; only its hash is stored.
import { defineAction } from "@/lib/actions/define-action";
import { requireClient } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { renewCalendarFeed, revokeCalendarFeed } from "./calendar-feed";

export const renewCalendarFeedAction = defineAction({
  name: "events.renewCalendarFeed",
  guard: requireClient,
  revalidate: ["/portal/profile"],
  run: async ({ actor }) => ({ data: await renewCalendarFeed(db, actor), message: { key: "events.calendarFeed.created" } }),
});

export const revokeCalendarFeedAction = defineAction({
  name: "events.revokeCalendarFeed",
  guard: requireClient,
  revalidate: ["/portal/profile"],
  run: async ({ actor }) => {
    await revokeCalendarFeed(db, actor);
    return { message: { key: "events.calendarFeed.revoked" } };
  },
});
