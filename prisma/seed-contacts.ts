// Demo data of "Contact us": Central classifications with their
// sub-classifications, CRM classifications and contact channels. Fixed ids, so
// running the seed again changes nothing; the module parameter is left unset
// (Central, the default).
import type { DbOrTx } from "@/lib/db";
import { ContactModule } from "@/lib/generated/prisma/enums";

// The options' names in Portuguese and Finnish, for representatives reading
// Portico in those languages (English is the base name).
const translations: Record<string, { "pt-BR": string; fi: string }> = {
  Billing: { "pt-BR": "Faturamento", fi: "Laskutus" },
  Invoice: { "pt-BR": "Fatura", fi: "Lasku" },
  Payment: { "pt-BR": "Pagamento", fi: "Maksu" },
  "Technical support": { "pt-BR": "Suporte técnico", fi: "Tekninen tuki" },
  "Portal access": { "pt-BR": "Acesso ao portal", fi: "Portaalin käyttö" },
  "Error report": { "pt-BR": "Relato de erro", fi: "Virheilmoitus" },
  Commercial: { "pt-BR": "Comercial", fi: "Kaupallinen" },
  "New service": { "pt-BR": "Novo serviço", fi: "Uusi palvelu" },
  Contract: { "pt-BR": "Contrato", fi: "Sopimus" },
  Sales: { "pt-BR": "Vendas", fi: "Myynti" },
  "After-sales": { "pt-BR": "Pós-venda", fi: "Jälkimyynti" },
  Phone: { "pt-BR": "Telefone", fi: "Puhelin" },
  "E-mail": { "pt-BR": "E-mail", fi: "Sähköposti" },
  Chat: { "pt-BR": "Chat", fi: "Chat" },
};
const labelsOf = (name: string) => translations[name] ?? {};
// Rows seeded before names had translations get them; labels an admin set are left alone.
const untranslated = (row: { id: string; name: string }) => ({ id: row.id, name: row.name, labels: { equals: {} } });

const id = (n: number) => `00000000-0000-4000-8003-${String(n).padStart(12, "0")}`;

const central = [
  {
    id: id(1),
    name: "Billing",
    subclassifications: [
      { id: id(101), name: "Invoice" },
      { id: id(102), name: "Payment" },
    ],
  },
  {
    id: id(2),
    name: "Technical support",
    subclassifications: [
      { id: id(201), name: "Portal access" },
      { id: id(202), name: "Error report" },
    ],
  },
  {
    id: id(3),
    name: "Commercial",
    subclassifications: [
      { id: id(301), name: "New service" },
      { id: id(302), name: "Contract" },
    ],
  },
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
    await db.contactClassification.upsert({ where: { id: c.id }, create: { ...c, labels: labelsOf(c.name), module: ContactModule.CENTRAL }, update: {} });
    await db.contactClassification.updateMany({ where: untranslated(c), data: { labels: labelsOf(c.name) } });
    for (const s of subclassifications) {
      await db.contactSubclassification.upsert({ where: { id: s.id }, create: { ...s, labels: labelsOf(s.name), classificationId: c.id }, update: {} });
      await db.contactSubclassification.updateMany({ where: untranslated(s), data: { labels: labelsOf(s.name) } });
    }
  }
  for (const c of crm) {
    await db.contactClassification.upsert({ where: { id: c.id }, create: { ...c, labels: labelsOf(c.name), module: ContactModule.CRM }, update: {} });
    await db.contactClassification.updateMany({ where: untranslated(c), data: { labels: labelsOf(c.name) } });
  }
  for (const c of channels) {
    await db.contactChannel.upsert({ where: { id: c.id }, create: { ...c, labels: labelsOf(c.name) }, update: {} });
    await db.contactChannel.updateMany({ where: untranslated(c), data: { labels: labelsOf(c.name) } });
  }
}
