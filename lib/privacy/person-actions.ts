"use server";

import { defineAction } from "@/lib/actions/define-action";
import { requirePrivacyOfficer } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { getStorage } from "@/lib/storage";
import { erasePerson } from "./erase";
import { requestPersonExport } from "./export";
import { queuePersonExport } from "./export-job";
import { parsePersonKey, type PersonKey } from "./person";
import { eraseConfirmSchema, personKeySchema } from "./schemas";

function keyOf(bound: { kind: string; value: string }): PersonKey {
  const key = parsePersonKey(bound.kind, bound.value);
  if (!key) throw new NotFoundError("personData.notFound");
  return key;
}

export const requestPersonExportAction = defineAction({
  name: "privacy.requestExport",
  guard: requirePrivacyOfficer,
  args: [personKeySchema],
  run: async ({ actor, args: [bound] }) => {
    const key = keyOf(bound);
    const { id } = await requestPersonExport(db, actor, key);
    // The export is recorded: if its job cannot be queued now, the resume sweep builds it within minutes.
    await queuePersonExport(id).catch((error: unknown) => console.error(`[privacy] export ${id} not queued; the sweep will build it`, error));
    return { revalidate: [`/admin/privacy/people/person`], message: { key: "personData.export.queued" } };
  },
});

export const erasePersonAction = defineAction({
  name: "privacy.erase",
  guard: requirePrivacyOfficer,
  args: [personKeySchema],
  input: eraseConfirmSchema,
  run: async ({ actor, args: [bound], input }) => {
    const key = keyOf(bound);
    await erasePerson(db, getStorage(), actor, key, input);
    return { redirectTo: "/admin/privacy/people?erased=1" };
  },
});
