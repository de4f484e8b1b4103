"use server";

// Server actions of the profile admin pages (shape: lib/actions/define-action.ts).
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { requireAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { recordId } from "@/lib/forms/record-id";
import { saveProfileBlockedTypes } from "@/lib/tickets/settings/blocked-types";
import { blockedTypesSchema } from "@/lib/tickets/settings/schemas";
import { profileSchema } from "./schemas";
import { createProfile, setProfileActive, updateProfile } from "./save-profile";

export const createProfileAction = defineAction({
  name: "profiles.create",
  guard: requireAdmin,
  input: profileSchema,
  revalidate: ["/admin/profiles"],
  run: async ({ actor, input }) => {
    const { id } = await createProfile(db, actor, input);
    return { redirectTo: `/admin/profiles/${id}?created=1` };
  },
});

export const updateProfileAction = defineAction({
  name: "profiles.update",
  guard: requireAdmin,
  args: [recordId],
  input: profileSchema,
  revalidate: ["/admin/profiles"],
  run: async ({ actor, args: [id], input }) => {
    await updateProfile(db, actor, id, input);
    return { revalidate: [`/admin/profiles/${id}`], message: { key: "common.saved" } };
  },
});

export const setProfileActiveAction = defineAction({
  name: "profiles.setActive",
  guard: requireAdmin,
  args: [recordId, z.boolean()],
  revalidate: ["/admin/profiles"],
  run: async ({ actor, args: [id, active] }) => {
    await setProfileActive(db, actor, id, active);
    return { revalidate: [`/admin/profiles/${id}`] };
  },
});

/** The profile page's "blocked ticket types". */
export const saveProfileBlockedTypesAction = defineAction({
  name: "profiles.saveBlockedTypes",
  guard: requireAdmin,
  args: [recordId],
  input: blockedTypesSchema,
  run: async ({ actor, args: [profileId], input }) => {
    await saveProfileBlockedTypes(db, actor, profileId, input.typeIds);
    return { revalidate: [`/admin/profiles/${profileId}`], message: { key: "common.saved" } };
  },
});
