"use server";

// Server action of /admin/settings/national-id (admins only; shape: lib/actions/define-action.ts).
import { defineAction } from "@/lib/actions/define-action";
import { requireAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { setNationalIdSetting } from "./national-id";
import { nationalIdFormSchema, settingFromForm } from "./national-id-schema";

export const setNationalIdAction = defineAction({
  name: "settings.setNationalId",
  guard: requireAdmin,
  input: nationalIdFormSchema,
  // Every page that asks for or shows the number follows at once.
  revalidate: [["/", "layout"]],
  run: async ({ actor, input }) => {
    await setNationalIdSetting(db, actor, settingFromForm(input));
    return { message: { key: "settings.nationalId.saved" } };
  },
});
