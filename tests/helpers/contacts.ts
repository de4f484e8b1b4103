// A small "Contact us" world for the contacts tests: two companies, each with a
// representative reached through a contact person, staff and an admin, and the
// options of both modules. createContact goes through the form's schema, as
// the server action does.
import type { Actor } from "@/lib/auth/actor";
import type { DbOrTx, Db } from "@/lib/db";
import { createContact } from "@/lib/contacts/create-contact";
import { newContactSchema, type NewContactInput } from "@/lib/contacts/schemas";
import { uploadFile } from "@/lib/files/files";
import { ContactModule, CustomerKind } from "@/lib/generated/prisma/enums";
import { actorFor, createContactPerson, createCustomer, createUser, uniqueTag } from "./factories";
import { MemoryStorage } from "./memory-storage";

export const storage = new MemoryStorage();

/** A company whose representative (a portal user in `locale`) reaches it as a contact person. */
export async function createCompany(db: DbOrTx, locale = "pt-BR") {
  const company = await createCustomer(db, { kind: CustomerKind.COMPANY, name: `Company ${uniqueTag()}` });
  const user = await createUser(db, { locale });
  await createContactPerson(db, company.id, { userId: user.id, name: user.name });
  return { company, rep: await actorFor(db, user) };
}

export async function createOptions(db: DbOrTx) {
  const central = await db.contactClassification.create({ data: { module: ContactModule.CENTRAL, name: `Billing ${uniqueTag()}` } });
  const sub = await db.contactSubclassification.create({ data: { classificationId: central.id, name: `Invoice ${uniqueTag()}` } });
  const crm = await db.contactClassification.create({ data: { module: ContactModule.CRM, name: `Sales ${uniqueTag()}` } });
  const channel = await db.contactChannel.create({ data: { name: `Phone ${uniqueTag()}` } });
  return { central, sub, crm, channel };
}

export type Options = Awaited<ReturnType<typeof createOptions>>;

export function centralInput(o: Options, overrides: Partial<NewContactInput> = {}): NewContactInput {
  return {
    module: ContactModule.CENTRAL,
    classificationId: o.central.id,
    subclassificationId: o.sub.id,
    contactName: "Carla Company",
    phone: "+55 11 91234-5678",
    email: "carla@acme.test",
    message: "The March invoice is charged twice.",
    fileIds: [],
    ...overrides,
  };
}

export function crmInput(o: Options, overrides: Partial<NewContactInput> = {}): NewContactInput {
  return { ...centralInput(o), module: ContactModule.CRM, classificationId: o.crm.id, subclassificationId: undefined, channelId: o.channel.id, ...overrides };
}

/** Parses like the server action, then calls the domain. */
export function send(db: Db, actor: Actor, input: NewContactInput) {
  return createContact(db, actor, newContactSchema.parse(input));
}

export async function upload(db: DbOrTx, actor: Actor, text = `evidence ${uniqueTag()}`, fileName = "evidence.txt") {
  return uploadFile(db, storage, actor, { fileName, bytes: new TextEncoder().encode(text) });
}
