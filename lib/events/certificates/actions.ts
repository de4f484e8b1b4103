"use server";

// Server actions of certificates (shape: lib/actions/define-action.ts): the
// template settings (staff), a public registrant adding their national id
// through the private link, and "issue certificates now".
import { z } from "zod";
import { anyone, defineAction } from "@/lib/actions/define-action";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { zodFieldErrors } from "@/lib/forms/action-result";
import { recordId } from "@/lib/forms/record-id";
import { getNationalIdSetting } from "@/lib/settings/national-id";
import { nationalIdInputSchema } from "@/lib/settings/national-id-schema";
import { getStorage } from "@/lib/storage";
import { MAX_TOKEN_LENGTH } from "../private-links";
import { setCpfByToken } from "./cpf-by-token";
import { issueEventCertificatesNow } from "./issue-now";
import { certificateTemplateSchema } from "./schemas";
import { saveCertificateTemplate } from "./templates";

const BASE = "/admin/settings/certificates";

export const saveCertificateTemplateAction = defineAction({
  name: "certificates.saveTemplate",
  guard: requireStaff,
  args: [recordId.optional()],
  input: certificateTemplateSchema,
  revalidate: [BASE],
  run: async ({ actor, args: [id], input }) => {
    await saveCertificateTemplate(db, actor, id, input);
    if (id === undefined) return { redirectTo: `${BASE}?created=1` };
    return { revalidate: [`${BASE}/${id}`], message: { key: "common.saved" } };
  },
});

export const setCpfByTokenAction = defineAction({
  name: "certificates.setNationalIdByToken",
  guard: anyone,
  args: [z.string().min(1).max(MAX_TOKEN_LENGTH)],
  // Which number is asked for is an installation setting: its schema is chosen inside the run.
  input: z.object({ cpf: z.unknown() }),
  run: async ({ args: [token], input }) => {
    const parsed = nationalIdInputSchema(await getNationalIdSetting(db)).safeParse(input);
    if (!parsed.success) throw new ValidationError(zodFieldErrors(parsed.error));
    const { emailIds, slug } = await setCpfByToken(db, getStorage(), token, parsed.data);
    return { emailIds, revalidate: [`/e/${slug}/r/${token}`], message: { key: "certificates.cpf.saved" } };
  },
});

/** "Issue certificates now" on an ended event's page: the daily job's rules for this one event. */
export const issueEventCertificatesAction = defineAction({
  name: "certificates.issueNow",
  guard: requireStaff,
  args: [recordId],
  run: async ({ actor, args: [eventId] }) => {
    const { issued, emailIds } = await issueEventCertificatesNow(db, getStorage(), actor, eventId);
    return {
      emailIds,
      data: { count: issued.length },
      revalidate: [`/admin/events/${eventId}`],
      message: { key: "events.admin.certificatesIssued", values: { count: issued.length } },
    };
  },
});
