"use server";

// Server actions of the identity provider settings (shape: lib/actions/define-action.ts).
import { defineAction } from "@/lib/actions/define-action";
import { requireAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { recordId } from "@/lib/forms/record-id";
import { addSsoClientCreation, createSsoProvider, deleteSsoProvider, removeSsoClientCreation, updateSsoProvider } from "./providers";
import { ssoClientCreationSchema, ssoProviderSchema } from "./schemas";

const LIST = "/admin/settings/sign-in-providers";

export const createSsoProviderAction = defineAction({
  name: "sso.createProvider",
  guard: requireAdmin,
  input: ssoProviderSchema,
  revalidate: [LIST, "/login"],
  run: async ({ actor, input }) => {
    const { id } = await db.$transaction((tx) => createSsoProvider(tx, actor, input));
    return { redirectTo: `${LIST}/${id}?created=1` };
  },
});

export const updateSsoProviderAction = defineAction({
  name: "sso.updateProvider",
  guard: requireAdmin,
  args: [recordId],
  input: ssoProviderSchema,
  revalidate: [LIST, "/login"],
  run: async ({ actor, args: [id], input }) => {
    await db.$transaction((tx) => updateSsoProvider(tx, actor, id, input));
    return { revalidate: [`${LIST}/${id}`], message: { key: "common.saved" } };
  },
});

export const deleteSsoProviderAction = defineAction({
  name: "sso.deleteProvider",
  guard: requireAdmin,
  args: [recordId],
  revalidate: [LIST, "/login"],
  run: async ({ actor, args: [id] }) => {
    await db.$transaction((tx) => deleteSsoProvider(tx, actor, id));
    return { redirectTo: LIST };
  },
});

export const addSsoClientCreationAction = defineAction({
  name: "sso.addClientCreation",
  guard: requireAdmin,
  args: [recordId],
  input: ssoClientCreationSchema,
  run: async ({ actor, args: [providerId], input }) => {
    await db.$transaction((tx) => addSsoClientCreation(tx, actor, providerId, input));
    return { revalidate: [`${LIST}/${providerId}`], message: { key: "common.saved" } };
  },
});

export const removeSsoClientCreationAction = defineAction({
  name: "sso.removeClientCreation",
  guard: requireAdmin,
  args: [recordId, recordId],
  run: async ({ actor, args: [providerId, id] }) => {
    await db.$transaction((tx) => removeSsoClientCreation(tx, actor, id));
    return { revalidate: [`${LIST}/${providerId}`] };
  },
});
