"use server";

import { revalidatePath } from "next/cache";
import { requireClient } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { fromDomainError, invalid, type ActionResult } from "@/lib/forms/action-result";
import { setOwnCpf } from "./cpf";
import { cpfSchema, type CpfInput } from "./cpf-schema";

export async function setOwnCpfAction(input: CpfInput): Promise<ActionResult> {
  const actor = await requireClient();
  const parsed = cpfSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    await setOwnCpf(db, actor, parsed.data);
  } catch (error) {
    return fromDomainError(error);
  }
  revalidatePath("/portal", "layout");
  return { ok: true, message: { key: "account.cpfSaved" } };
}
