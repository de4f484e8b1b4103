"use server";

// Server actions of the user admin pages (shape: lib/actions/define-action.ts).
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { requireAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { recordId } from "@/lib/forms/record-id";
import { createUserSchema, updateUserSchema } from "./schemas";
import { createUser, updateUser } from "./save-user";
import { setUserActive } from "./set-user-active";

export const createUserAction = defineAction({
  name: "users.create",
  guard: requireAdmin,
  input: createUserSchema,
  revalidate: ["/admin/users"],
  run: async ({ actor, input }) => {
    const { id } = await createUser(db, actor, input);
    return { redirectTo: `/admin/users/${id}?created=1` };
  },
});

export const updateUserAction = defineAction({
  name: "users.update",
  guard: requireAdmin,
  args: [recordId],
  input: updateUserSchema,
  revalidate: ["/admin/users"],
  run: async ({ actor, args: [id], input }) => {
    await updateUser(db, actor, id, input);
    return { revalidate: [`/admin/users/${id}`], message: { key: "common.saved" } };
  },
});

export const setUserActiveAction = defineAction({
  name: "users.setActive",
  guard: requireAdmin,
  args: [recordId, z.boolean()],
  revalidate: ["/admin/users"],
  run: async ({ actor, args: [id, active] }) => {
    await setUserActive(db, actor, id, active);
    return { revalidate: [`/admin/users/${id}`] };
  },
});
