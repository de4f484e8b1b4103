// A public registrant adds the CPF their certificate needs (no certificate is
// issued without one) through their private link, the only key they hold. Only their
// registrations without a CPF are touched; the certificate follows at once when due.
import "server-only";
import type { Db } from "@/lib/db";
import { NotFoundError, ValidationError } from "@/lib/errors";
import type { FileStorage } from "@/lib/storage";
import type { CpfInput } from "@/lib/account/cpf-schema";
import { parseCpf } from "../cpf";
import { registrationByToken } from "../private-links";
import { issueCertificates } from "./issue";

export async function setCpfByToken(db: Db, storage: FileStorage, token: string, input: CpfInput): Promise<{ emailIds: string[]; slug: string }> {
  const cpf = parseCpf(input.cpf);
  if (!cpf) throw new ValidationError({ cpf: "account.cpfInvalid" });
  const registration = token && token.length <= 200 ? await db.registration.findFirst({ where: registrationByToken(token), select: { id: true, cpf: true, event: { select: { slug: true } } } }) : null;
  if (!registration) throw new NotFoundError("errors.notFoundBody");
  if (!registration.cpf) await db.registration.updateMany({ where: { id: registration.id, cpf: null }, data: { cpf } });
  const { emailIds } = await issueCertificates(db, { storage, registrationId: registration.id });
  return { emailIds, slug: registration.event.slug };
}
