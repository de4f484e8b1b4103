// "Contact us" configuration: the general parameter choosing module
// Central or CRM, and the lists each module keeps: classifications in both,
// sub-classifications under a Central classification, contact channels in CRM.
// A record already used by a contact is archived (active = false), never
// deleted; contacts keep the names they were created with anyway.
import "server-only";
import { assertAdmin, assertStaff, type Actor } from "@/lib/auth/actor";
import type { DbOrTx } from "@/lib/db";
import { isUniqueViolation, isUuid } from "@/lib/db/query-guards";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { ContactModule } from "@/lib/generated/prisma/enums";
import { getSetting, setSetting } from "@/lib/settings/general";
import type { ContactOptionInput } from "./schemas";

/** The module in force; Central until an admin chooses otherwise. */
export async function getContactModule(db: DbOrTx): Promise<ContactModule> {
  return (await getSetting(db, "contacts.module")) ?? ContactModule.CENTRAL;
}

/** A general parameter of the whole operator: admins only. Existing contacts are not touched. */
export async function setContactModule(db: DbOrTx, actor: Actor, module: ContactModule): Promise<void> {
  assertAdmin(actor);
  await setSetting(db, "contacts.module", module);
}

const byName = [{ name: "asc" as const }, { id: "asc" as const }];

function nameTakenOr(error: unknown): unknown {
  return isUniqueViolation(error) ? new ValidationError({ name: "validation.nameTaken" }) : error;
}

function checkId(id: string | undefined): void {
  if (id !== undefined && !isUuid(id)) throw new NotFoundError("common.notFound");
}

/** Everything the settings page lists, both modules at once (the lists are short). */
export async function listContactSettings(db: DbOrTx, actor: Actor) {
  assertStaff(actor);
  const [module, classifications, channels] = await Promise.all([
    getContactModule(db),
    db.contactClassification.findMany({
      select: { id: true, module: true, name: true, active: true, _count: { select: { subclassifications: true } } },
      orderBy: byName,
    }),
    db.contactChannel.findMany({ select: { id: true, name: true, active: true }, orderBy: byName }),
  ]);
  return {
    module,
    central: classifications.filter((c) => c.module === ContactModule.CENTRAL),
    crm: classifications.filter((c) => c.module === ContactModule.CRM),
    channels,
  };
}

export async function getClassification(db: DbOrTx, actor: Actor, id: string) {
  assertStaff(actor);
  const found = isUuid(id)
    ? await db.contactClassification.findUnique({
        where: { id },
        select: {
          id: true,
          module: true,
          name: true,
          labels: true,
          active: true,
          subclassifications: { select: { id: true, name: true, active: true }, orderBy: byName },
        },
      })
    : null;
  if (!found) throw new NotFoundError("common.notFound");
  return found;
}

/** Creates (no id) a classification of `module`, or updates one (its module never changes). */
export async function saveClassification(
  db: DbOrTx,
  actor: Actor,
  id: string | undefined,
  module: ContactModule,
  input: ContactOptionInput,
): Promise<{ id: string }> {
  assertStaff(actor);
  checkId(id);
  try {
    if (id === undefined) return await db.contactClassification.create({ data: { ...input, module }, select: { id: true } });
    const { count } = await db.contactClassification.updateMany({ where: { id }, data: input });
    if (count === 0) throw new NotFoundError("common.notFound");
    return { id };
  } catch (error) {
    throw nameTakenOr(error);
  }
}

export async function getSubclassification(db: DbOrTx, actor: Actor, classificationId: string, id: string) {
  assertStaff(actor);
  const found =
    isUuid(id) && isUuid(classificationId)
      ? await db.contactSubclassification.findFirst({
          where: { id, classificationId },
          select: { id: true, name: true, labels: true, active: true, classification: { select: { id: true, name: true } } },
        })
      : null;
  if (!found) throw new NotFoundError("common.notFound");
  return found;
}

/** Sub-classifications exist only under a Central classification. */
export async function saveSubclassification(
  db: DbOrTx,
  actor: Actor,
  classificationId: string,
  id: string | undefined,
  input: ContactOptionInput,
): Promise<{ id: string }> {
  assertStaff(actor);
  checkId(id);
  const parent = isUuid(classificationId) ? await db.contactClassification.findUnique({ where: { id: classificationId }, select: { module: true } }) : null;
  if (!parent) throw new NotFoundError("common.notFound");
  if (parent.module !== ContactModule.CENTRAL) throw new ValidationError({}, "contacts.errors.subclassificationCentralOnly");
  try {
    if (id === undefined) return await db.contactSubclassification.create({ data: { ...input, classificationId }, select: { id: true } });
    const { count } = await db.contactSubclassification.updateMany({ where: { id, classificationId }, data: input });
    if (count === 0) throw new NotFoundError("common.notFound");
    return { id };
  } catch (error) {
    throw nameTakenOr(error);
  }
}

export async function getChannel(db: DbOrTx, actor: Actor, id: string) {
  assertStaff(actor);
  const found = isUuid(id) ? await db.contactChannel.findUnique({ where: { id }, select: { id: true, name: true, labels: true, active: true } }) : null;
  if (!found) throw new NotFoundError("common.notFound");
  return found;
}

export async function saveChannel(db: DbOrTx, actor: Actor, id: string | undefined, input: ContactOptionInput): Promise<{ id: string }> {
  assertStaff(actor);
  checkId(id);
  try {
    if (id === undefined) return await db.contactChannel.create({ data: input, select: { id: true } });
    const { count } = await db.contactChannel.updateMany({ where: { id }, data: input });
    if (count === 0) throw new NotFoundError("common.notFound");
    return { id };
  } catch (error) {
    throw nameTakenOr(error);
  }
}

export type RemoveOutcome = "deleted" | "archived";

/**
 * Removes a record nobody used, or archives (deactivates) one that a contact
 * refers to, so the staff's filters still find those contacts by it.
 */
async function removeOrArchive(used: number, remove: () => Promise<{ count: number }>, archive: () => Promise<{ count: number }>): Promise<RemoveOutcome> {
  const { count } = used > 0 ? await archive() : await remove();
  if (count === 0) throw new NotFoundError("common.notFound");
  return used > 0 ? "archived" : "deleted";
}

export async function removeClassification(db: DbOrTx, actor: Actor, id: string): Promise<RemoveOutcome> {
  assertStaff(actor);
  if (!isUuid(id)) throw new NotFoundError("common.notFound");
  // A sub-classification in use implies its classification is in use too (contacts store both).
  const used = await db.contact.count({ where: { classificationId: id } });
  return removeOrArchive(
    used,
    () => db.contactClassification.deleteMany({ where: { id } }),
    () => db.contactClassification.updateMany({ where: { id }, data: { active: false } }),
  );
}

export async function removeSubclassification(db: DbOrTx, actor: Actor, classificationId: string, id: string): Promise<RemoveOutcome> {
  assertStaff(actor);
  if (!isUuid(id) || !isUuid(classificationId)) throw new NotFoundError("common.notFound");
  const used = await db.contact.count({ where: { subclassificationId: id } });
  return removeOrArchive(
    used,
    () => db.contactSubclassification.deleteMany({ where: { id, classificationId } }),
    () => db.contactSubclassification.updateMany({ where: { id, classificationId }, data: { active: false } }),
  );
}

export async function removeChannel(db: DbOrTx, actor: Actor, id: string): Promise<RemoveOutcome> {
  assertStaff(actor);
  if (!isUuid(id)) throw new NotFoundError("common.notFound");
  const used = await db.contact.count({ where: { channelId: id } });
  return removeOrArchive(
    used,
    () => db.contactChannel.deleteMany({ where: { id } }),
    () => db.contactChannel.updateMany({ where: { id }, data: { active: false } }),
  );
}
