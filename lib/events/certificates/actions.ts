"use server";

// Server actions of certificates: the template settings (staff) and a public
// registrant adding a CPF through the private link.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { CpfInput } from "@/lib/account/cpf-schema";
import { getNationalIdSetting } from "@/lib/settings/national-id";
import { nationalIdInputSchema } from "@/lib/settings/national-id-schema";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { fromDomainError, invalid, type ActionResult } from "@/lib/forms/action-result";
import { notifyOutbox } from "@/lib/jobs/notify";
import { getStorage } from "@/lib/storage";
import { setCpfByToken } from "./cpf-by-token";
import { issueEventCertificatesNow } from "./issue-now";
import { certificateTemplateSchema, type CertificateTemplateInput } from "./schemas";
import { saveCertificateTemplate } from "./templates";

const BASE = "/admin/settings/certificates";

export async function saveCertificateTemplateAction(id: string | undefined, input: CertificateTemplateInput): Promise<ActionResult> {
  const actor = await requireStaff();
  const parsed = certificateTemplateSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const existing = typeof id === "string" ? id : undefined;
  try {
    await saveCertificateTemplate(db, actor, existing, parsed.data);
  } catch (error) {
    return fromDomainError(error);
  }
  revalidatePath(BASE);
  if (existing === undefined) redirect(`${BASE}?created=1`);
  revalidatePath(`${BASE}/${existing}`);
  return { ok: true, message: { key: "common.saved" } };
}

export async function setCpfByTokenAction(token: string, input: CpfInput): Promise<ActionResult> {
  const parsed = nationalIdInputSchema(await getNationalIdSetting(db)).safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    const { emailIds, slug } = await setCpfByToken(db, getStorage(), String(token), parsed.data);
    await notifyOutbox(emailIds);
    revalidatePath(`/e/${slug}/r/${token}`);
  } catch (error) {
    return fromDomainError(error);
  }
  return { ok: true, message: { key: "certificates.cpf.saved" } };
}

/** "Issue certificates now" on an ended event's page: the daily job's rules for this one event. */
export async function issueEventCertificatesAction(eventId: string): Promise<ActionResult<{ count: number }>> {
  const actor = await requireStaff();
  try {
    const { issued, emailIds } = await issueEventCertificatesNow(db, getStorage(), actor, String(eventId));
    await notifyOutbox(emailIds);
    revalidatePath(`/admin/events/${eventId}`);
    return { ok: true, data: { count: issued.length }, message: { key: "events.admin.certificatesIssued", values: { count: issued.length } } };
  } catch (error) {
    return fromDomainError(error);
  }
}
