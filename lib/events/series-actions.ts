"use server";

// Server action of the series page: sessions of a main event from a rule (shape: lib/actions/define-action.ts).
import { defineAction } from "@/lib/actions/define-action";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { recordId } from "@/lib/forms/record-id";
import { createSeries } from "./series";
import { seriesSchema } from "./series-rule";

export const createSeriesAction = defineAction({
  name: "events.createSeries",
  guard: requireStaff,
  args: [recordId],
  input: seriesSchema,
  run: async ({ actor, args: [id], input }) => {
    const { ids } = await createSeries(db, actor, id, input);
    return { revalidate: ["/admin/events", `/admin/events/${id}`], redirectTo: `/admin/events/${id}?sessionsCreated=${ids.length}` };
  },
});
