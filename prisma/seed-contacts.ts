// Demo data of "Contact us": Central classifications with their
// sub-classifications, CRM classifications and contact channels. Fixed ids, so
// running the seed again changes nothing; the module parameter is left unset
// (Central, the default).
import type { DbOrTx } from "@/lib/db";
import { ContactModule } from "@/lib/generated/prisma/enums";

const id = (n: number) => `00000000-0000-4000-8003-${String(n).padStart(12, "0")}`;

const central = [
  { id: id(1), name: "Billing", subclassifications: [{ id: id(101), name: "Invoice" }, { id: id(102), name: "Payment" }] },
  { id: id(2), name: "Technical support", subclassifications: [{ id: id(201), name: "Portal access" }, { id: id(202), name: "Error report" }] },
  { id: id(3), name: "Commercial", subclassifications: [{ id: id(301), name: "New service" }, { id: id(302), name: "Contract" }] },
];

const crm = [
  { id: id(11), name: "Sales" },
  { id: id(12), name: "After-sales" },
];

const channels = [
  { id: id(21), name: "Phone" },
  { id: id(22), name: "E-mail" },
  { id: id(23), name: "Chat" },
];

export async function seedContacts(db: DbOrTx) {
  for (const { subclassifications, ...c } of central) {
    await db.contactClassification.upsert({ where: { id: c.id }, create: { ...c, module: ContactModule.CENTRAL }, update: {} });
    for (const s of subclassifications) await db.contactSubclassification.upsert({ where: { id: s.id }, create: { ...s, classificationId: c.id }, update: {} });
  }
  for (const c of crm) await db.contactClassification.upsert({ where: { id: c.id }, create: { ...c, module: ContactModule.CRM }, update: {} });
  for (const c of channels) await db.contactChannel.upsert({ where: { id: c.id }, create: c, update: {} });
}
