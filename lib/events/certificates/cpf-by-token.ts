// A public registrant adds the CPF their certificate needs (no certificate is
// issued without one) through their private link, the only key they hold. Only their
// registrations without a CPF are touched; the certificate follows at once when due.
// The number follows the installation's national id setting; with "none" nobody
// is asked and nothing is stored.
import "server-only";
import type { Db } from "@/lib/db";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { getNationalIdSetting } from "@/lib/settings/national-id";
import { invalidNationalIdKey, parseNationalId } from "@/lib/settings/national-id-schema";
import type { FileStorage } from "@/lib/storage";
import type { CpfInput } from "@/lib/account/cpf-schema";
import { isPlausibleToken, registrationByToken } from "../private-links";
import { issueCertificates } from "./issue";

export async function setCpfByToken(db: Db, storage: FileStorage, token: string, input: CpfInput): Promise<{ emailIds: string[]; slug: string }> {
  const setting = await getNationalIdSetting(db);
  if (setting.mode === "none") throw new ValidationError({ cpf: "account.nationalIdNotAsked" });
  const cpf = parseNationalId(setting, input.cpf);
  if (!cpf) throw new ValidationError({ cpf: invalidNationalIdKey(setting) });
  const registration = isPlausibleToken(token)
    ? await db.registration.findFirst({ where: registrationByToken(token), select: { id: true, cpf: true, event: { select: { slug: true } } } })
    : null;
  if (!registration) throw new NotFoundError("errors.notFoundBody");
  if (!registration.cpf) await db.registration.updateMany({ where: { id: registration.id, cpf: null }, data: { cpf } });
  const { emailIds } = await issueCertificates(db, { storage, registrationId: registration.id });
  return { emailIds, slug: registration.event.slug };
}
