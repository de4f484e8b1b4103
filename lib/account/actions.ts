"use server";

import { revalidatePath } from "next/cache";
import { requireClient } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { issueCertificates } from "@/lib/events/certificates/issue";
import { notifyOutbox } from "@/lib/jobs/notify";
import { getStorage } from "@/lib/storage";
import { fromDomainError, invalid, type ActionResult } from "@/lib/forms/action-result";
import { setOwnCpf } from "./cpf";
import { getNationalIdSetting } from "@/lib/settings/national-id";
import { nationalIdInputSchema } from "@/lib/settings/national-id-schema";
import type { CpfInput } from "./cpf-schema";

export async function setOwnCpfAction(input: CpfInput): Promise<ActionResult> {
  const actor = await requireClient();
  const setting = await getNationalIdSetting(db);
  const parsed = nationalIdInputSchema(setting).safeParse(input);
  // A number with wrong check digits is still an attempt: the domain refuses
  // it and records it in the audit log.
  const typed = typeof input?.cpf === "string" ? input.cpf.trim().slice(0, 50) : "";
  if (!parsed.success && !typed) return invalid(parsed.error);
  try {
    await setOwnCpf(db, actor, parsed.success ? parsed.data : { cpf: typed });
  } catch (error) {
    return fromDomainError(error);
  }
  // Certificates waiting for this CPF follow at once (inside their 15 days); if
  // issuing fails here, the daily job tries again.
  try {
    const { emailIds } = await issueCertificates(db, { storage: getStorage(), userId: actor.userId });
    await notifyOutbox(emailIds);
  } catch (error) {
    console.error("[certificates] issuing after a CPF was added failed; the daily job retries", error);
  }
  revalidatePath("/portal", "layout");
  return { ok: true, message: setting.mode === "other" ? { key: "account.nationalIdSaved", values: { label: setting.label } } : { key: "account.cpfSaved" } };
}
