"use server";

// The client's own national id (shape: lib/actions/define-action.ts).
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { requireClient } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { issueCertificates } from "@/lib/events/certificates/issue";
import { zodFieldErrors } from "@/lib/forms/action-result";
import { getStorage } from "@/lib/storage";
import { getNationalIdSetting } from "@/lib/settings/national-id";
import { nationalIdInputSchema } from "@/lib/settings/national-id-schema";
import { setOwnCpf } from "./cpf";

export const setOwnCpfAction = defineAction({
  name: "account.setNationalId",
  guard: requireClient,
  // Which number is asked for is an installation setting, so the form's schema
  // is chosen inside the run; here only the shape.
  input: z.object({ cpf: z.unknown() }),
  revalidate: [["/portal", "layout"]],
  run: async ({ actor, input }) => {
    const setting = await getNationalIdSetting(db);
    const parsed = nationalIdInputSchema(setting).safeParse(input);
    // A number with wrong check digits is still an attempt: the domain refuses
    // it and records it in the audit log.
    const typed = typeof input.cpf === "string" ? input.cpf.trim().slice(0, 50) : "";
    if (!parsed.success && !typed) throw new ValidationError(zodFieldErrors(parsed.error));
    await setOwnCpf(db, actor, parsed.success ? parsed.data : { cpf: typed });
    // Certificates waiting for this number follow at once (inside their 15 days);
    // if issuing fails here, the daily job tries again.
    let emailIds: string[] = [];
    try {
      ({ emailIds } = await issueCertificates(db, { storage: getStorage(), userId: actor.userId }));
    } catch (error) {
      console.error("[certificates] issuing after a national id was added failed; the daily job retries", error);
    }
    return {
      emailIds,
      message: setting.mode === "other" ? { key: "account.nationalIdSaved", values: { label: setting.label } } : { key: "account.cpfSaved" },
    };
  },
});
