// A company's representative opens a contact ("New contact"): the
// classification of the module in force, then a sub-classification (Central) or
// a contact channel (CRM), contact person, phone, e-mail, message and optional
// evidence files. The contact stores the module and the names chosen, so later
// renames or a module switch never change it. Staff are e-mailed in the same transaction.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Db, DbOrTx } from "@/lib/db";
import { now } from "@/lib/clock";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { claimUploads } from "@/lib/files/files";
import { ContactModule } from "@/lib/generated/prisma/enums";
import { defaultLocale } from "@/lib/i18n/config";
import { localizedName } from "@/lib/i18n/labels";
import { reachableCompanies } from "./access";
import { mailContactSelect, mailStaffAboutContact } from "./mail";
import type { NewContact } from "./schemas";
import { getContactModule } from "./settings";

/** What the new-contact form offers: only active options of the module in force, named in `locale`. */
export async function contactFormOptions(db: DbOrTx, actor: Actor, locale: string = defaultLocale) {
  const companies = await reachableCompanies(db, actor);
  const contactModule = await getContactModule(db);
  const [classifications, channels] = await Promise.all([
    db.contactClassification.findMany({
      where: { module: contactModule, active: true },
      select: {
        id: true,
        name: true,
        labels: true,
        subclassifications: { where: { active: true }, select: { id: true, name: true, labels: true }, orderBy: [{ name: "asc" }, { id: "asc" }] },
      },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    }),
    contactModule === ContactModule.CRM
      ? db.contactChannel.findMany({ where: { active: true }, select: { id: true, name: true, labels: true }, orderBy: [{ name: "asc" }, { id: "asc" }] })
      : Promise.resolve([]),
  ]);
  const named = (o: { id: string; name: string; labels: unknown }) => ({ id: o.id, name: localizedName(o, locale) });
  return {
    module: contactModule,
    companies: companies.map(({ id, name }) => ({ id, name })),
    classifications: classifications.map((c) => ({ ...named(c), subclassifications: c.subclassifications.map(named) })),
    channels: channels.map(named),
  };
}

/** The classification names to snapshot, or field errors for choices not offered. */
async function resolveChoices(db: DbOrTx, module: ContactModule, input: NewContact) {
  const classification = await db.contactClassification.findFirst({
    where: { id: input.classificationId, module, active: true },
    select: { id: true, name: true },
  });
  if (!classification) throw new ValidationError({ classificationId: "validation.invalid" });
  if (module === ContactModule.CENTRAL) {
    const sub = input.subclassificationId
      ? await db.contactSubclassification.findFirst({
          where: { id: input.subclassificationId, classificationId: classification.id, active: true },
          select: { id: true, name: true },
        })
      : null;
    if (!sub) throw new ValidationError({ subclassificationId: input.subclassificationId ? "validation.invalid" : "validation.required" });
    return {
      module,
      classificationId: classification.id,
      classificationName: classification.name,
      subclassificationId: sub.id,
      subclassificationName: sub.name,
    };
  }
  const channel = input.channelId
    ? await db.contactChannel.findFirst({ where: { id: input.channelId, active: true }, select: { id: true, name: true } })
    : null;
  if (!channel) throw new ValidationError({ channelId: input.channelId ? "validation.invalid" : "validation.required" });
  return { module, classificationId: classification.id, classificationName: classification.name, channelId: channel.id, channelName: channel.name };
}

export async function createContact(db: Db, actor: Actor, input: NewContact): Promise<{ id: string; number: number; emailIds: string[] }> {
  const companies = await reachableCompanies(db, actor);
  if (companies.length === 0) throw new ForbiddenError("contacts.errors.noCompany");
  const customerId = input.customerId ?? (companies.length === 1 ? companies[0].id : undefined);
  if (!customerId) throw new ValidationError({ customerId: "validation.required" });
  if (!companies.some((c) => c.id === customerId)) throw new ValidationError({ customerId: "validation.invalid" });

  const contactModule = await getContactModule(db);
  // The form was shown for the other module (an admin switched it meanwhile): reload, don't guess.
  if (input.module !== contactModule) throw new ValidationError({}, "contacts.errors.moduleChanged");
  const choices = await resolveChoices(db, contactModule, input);

  return db.$transaction(async (tx) => {
    const files = await claimUploads(tx, actor, input.fileIds);
    const at = now();
    const contact = await tx.contact.create({
      data: {
        ...choices,
        customerId,
        createdById: actor.userId,
        contactName: input.contactName,
        phone: input.phone,
        email: input.email,
        createdAt: at,
        updatedAt: at,
        messages: {
          create: {
            authorId: actor.userId,
            authorName: actor.name,
            fromStaff: false,
            body: input.message,
            createdAt: at,
            attachments: { create: files.map((f) => ({ fileId: f.id })) },
          },
        },
      },
      select: mailContactSelect,
    });
    const emailIds = await mailStaffAboutContact(tx, contact, { authorName: actor.name, body: input.message, isNew: true });
    return { id: contact.id, number: contact.number, emailIds };
  });
}
