// "Contact us" configuration: the module parameter (Central or CRM,
// Central by default, admins only), classifications per module, sub-classifications
// only under Central ones, contact channels, and archive-instead-of-delete for
// records a contact uses.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { contactFormOptions } from "@/lib/contacts/create-contact";
import {
  getContactModule,
  listContactSettings,
  removeChannel,
  removeClassification,
  removeSubclassification,
  saveChannel,
  saveClassification,
  saveSubclassification,
  setContactModule,
} from "@/lib/contacts/settings";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { getSetting } from "@/lib/settings/general";
import { centralInput, createCompany, createOptions, crmInput, send } from "../helpers/contacts";
import { createActor, uniqueTag } from "../helpers/factories";
import { withTestDatabase } from "../helpers/db-test";

const t = withTestDatabase();
let admin: Actor;
let staff: Actor;

beforeAll(async () => {
  admin = (await createActor(t.prisma, "ADMIN")).actor;
  staff = (await createActor(t.prisma, "STAFF")).actor;
});

describe("the module parameter", () => {
  it("is Central until set, and an admin switches it through contacts.module", async () => {
    expect(await getContactModule(t.prisma)).toBe("CENTRAL");
    await setContactModule(t.prisma, admin, "CRM");
    expect(await getSetting(t.prisma, "contacts.module")).toBe("CRM");
    expect(await getContactModule(t.prisma)).toBe("CRM");
    await setContactModule(t.prisma, admin, "CENTRAL");
    expect(await getContactModule(t.prisma)).toBe("CENTRAL");
  });

  it("is changed by admins only", async () => {
    const { rep } = await createCompany(t.prisma);
    await expect(setContactModule(t.prisma, staff, "CRM")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setContactModule(t.prisma, rep, "CRM")).rejects.toBeInstanceOf(ForbiddenError);
    expect(await getContactModule(t.prisma)).toBe("CENTRAL");
  });

  it("decides what the portal form offers: Central classifications with sub-classifications, or CRM ones with channels", async () => {
    const { rep } = await createCompany(t.prisma);
    const o = await createOptions(t.prisma);
    const central = await contactFormOptions(t.prisma, rep);
    expect(central.module).toBe("CENTRAL");
    expect(central.classifications.map((c) => c.id)).toContain(o.central.id);
    expect(central.classifications.map((c) => c.id)).not.toContain(o.crm.id);
    expect(central.classifications.find((c) => c.id === o.central.id)?.subclassifications.map((s) => s.id)).toEqual([o.sub.id]);
    expect(central.channels).toEqual([]);

    await setContactModule(t.prisma, admin, "CRM");
    try {
      const crm = await contactFormOptions(t.prisma, rep);
      expect(crm.module).toBe("CRM");
      expect(crm.classifications.map((c) => c.id)).toContain(o.crm.id);
      expect(crm.classifications.map((c) => c.id)).not.toContain(o.central.id);
      expect(crm.channels.map((c) => c.id)).toContain(o.channel.id);
    } finally {
      await setContactModule(t.prisma, admin, "CENTRAL");
    }
  });
});

describe("classifications, sub-classifications and channels", () => {
  it("staff create and rename them; names are unique per module", async () => {
    const name = `Support ${uniqueTag()}`;
    const { id } = await saveClassification(t.prisma, staff, undefined, "CENTRAL", { name, active: true });
    // The same name in the other module is another classification.
    await saveClassification(t.prisma, staff, undefined, "CRM", { name, active: true });
    await expect(saveClassification(t.prisma, staff, undefined, "CENTRAL", { name, active: true })).rejects.toMatchObject({
      fields: { name: "validation.nameTaken" },
    });
    await saveClassification(t.prisma, staff, id, "CRM", { name: `${name} renamed`, active: true });
    const row = await t.prisma.contactClassification.findUniqueOrThrow({ where: { id } });
    // Updating never moves a classification to the other module.
    expect(row).toMatchObject({ name: `${name} renamed`, module: "CENTRAL" });

    const sub = await saveSubclassification(t.prisma, staff, id, undefined, { name: "Second copy", active: true });
    await expect(saveSubclassification(t.prisma, staff, id, undefined, { name: "Second copy", active: true })).rejects.toBeInstanceOf(ValidationError);
    await saveSubclassification(t.prisma, staff, id, sub.id, { name: "Duplicate", active: false });
    expect(await t.prisma.contactSubclassification.findUniqueOrThrow({ where: { id: sub.id } })).toMatchObject({ name: "Duplicate", active: false });

    const channelName = `Chat ${uniqueTag()}`;
    const channel = await saveChannel(t.prisma, staff, undefined, { name: channelName, active: true });
    await expect(saveChannel(t.prisma, staff, undefined, { name: channelName, active: true })).rejects.toMatchObject({
      fields: { name: "validation.nameTaken" },
    });
    const settings = await listContactSettings(t.prisma, staff);
    expect(settings.channels.map((c) => c.id)).toContain(channel.id);
    expect(settings.central.find((c) => c.id === id)?._count.subclassifications).toBe(1);
  });

  it("sub-classifications exist only under Central classifications", async () => {
    const crm = await saveClassification(t.prisma, staff, undefined, "CRM", { name: `Leads ${uniqueTag()}`, active: true });
    await expect(saveSubclassification(t.prisma, staff, crm.id, undefined, { name: "Nope", active: true })).rejects.toMatchObject({
      key: "contacts.errors.subclassificationCentralOnly",
    });
    expect(await t.prisma.contactSubclassification.count({ where: { classificationId: crm.id } })).toBe(0);
  });

  it("a sub-classification is edited only through its own classification", async () => {
    const o = await createOptions(t.prisma);
    const other = await saveClassification(t.prisma, staff, undefined, "CENTRAL", { name: `Other ${uniqueTag()}`, active: true });
    await expect(saveSubclassification(t.prisma, staff, other.id, o.sub.id, { name: "Moved", active: true })).rejects.toBeInstanceOf(NotFoundError);
    await expect(removeSubclassification(t.prisma, staff, other.id, o.sub.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await t.prisma.contactSubclassification.findUniqueOrThrow({ where: { id: o.sub.id } })).toMatchObject({
      name: o.sub.name,
      classificationId: o.central.id,
    });
  });

  it("are maintained by staff only", async () => {
    const { rep } = await createCompany(t.prisma);
    const o = await createOptions(t.prisma);
    await expect(saveClassification(t.prisma, rep, undefined, "CENTRAL", { name: "X", active: true })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(saveSubclassification(t.prisma, rep, o.central.id, undefined, { name: "X", active: true })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(saveChannel(t.prisma, rep, undefined, { name: "X", active: true })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(removeClassification(t.prisma, rep, o.central.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(removeChannel(t.prisma, rep, o.channel.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listContactSettings(t.prisma, rep)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("unused records are deleted; records a contact uses are archived and no longer offered", async () => {
    const { rep } = await createCompany(t.prisma);
    const unused = await createOptions(t.prisma);
    expect(await removeSubclassification(t.prisma, staff, unused.central.id, unused.sub.id)).toBe("deleted");
    expect(await removeClassification(t.prisma, staff, unused.central.id)).toBe("deleted");
    expect(await removeChannel(t.prisma, staff, unused.channel.id)).toBe("deleted");
    expect(await t.prisma.contactClassification.count({ where: { id: unused.central.id } })).toBe(0);
    expect(await t.prisma.contactChannel.count({ where: { id: unused.channel.id } })).toBe(0);

    const used = await createOptions(t.prisma);
    await send(t.prisma, rep, centralInput(used));
    await setContactModule(t.prisma, admin, "CRM");
    try {
      await send(t.prisma, rep, crmInput(used));
    } finally {
      await setContactModule(t.prisma, admin, "CENTRAL");
    }
    expect(await removeSubclassification(t.prisma, staff, used.central.id, used.sub.id)).toBe("archived");
    expect(await removeClassification(t.prisma, staff, used.central.id)).toBe("archived");
    expect(await removeClassification(t.prisma, staff, used.crm.id)).toBe("archived");
    expect(await removeChannel(t.prisma, staff, used.channel.id)).toBe("archived");
    expect(await t.prisma.contactClassification.findUniqueOrThrow({ where: { id: used.central.id } })).toMatchObject({ active: false });
    expect(await t.prisma.contactSubclassification.findUniqueOrThrow({ where: { id: used.sub.id } })).toMatchObject({ active: false });
    expect(await t.prisma.contactChannel.findUniqueOrThrow({ where: { id: used.channel.id } })).toMatchObject({ active: false });

    const offered = await contactFormOptions(t.prisma, rep);
    expect(offered.classifications.map((c) => c.id)).not.toContain(used.central.id);
    // An archived option is refused when sent anyway.
    await expect(send(t.prisma, rep, centralInput(used))).rejects.toMatchObject({ fields: { classificationId: "validation.invalid" } });
  });

  it("an archived sub-classification of an active classification is neither offered nor accepted", async () => {
    const { rep } = await createCompany(t.prisma);
    const o = await createOptions(t.prisma);
    await saveSubclassification(t.prisma, staff, o.central.id, o.sub.id, { name: o.sub.name, active: false });
    const offered = await contactFormOptions(t.prisma, rep);
    expect(offered.classifications.find((c) => c.id === o.central.id)?.subclassifications).toEqual([]);
    await expect(send(t.prisma, rep, centralInput(o))).rejects.toMatchObject({ fields: { subclassificationId: "validation.invalid" } });
  });
});

describe("demo data", () => {
  it("seedContacts is idempotent and gives both modules their options", async () => {
    const { seedContacts } = await import("@/prisma/seed-contacts");
    await seedContacts(t.prisma);
    const count = async () => [
      await t.prisma.contactClassification.count(),
      await t.prisma.contactSubclassification.count(),
      await t.prisma.contactChannel.count(),
    ];
    const once = await count();
    await seedContacts(t.prisma);
    expect(await count()).toEqual(once);
    const { rep } = await createCompany(t.prisma);
    const central = await contactFormOptions(t.prisma, rep);
    expect(central.classifications.find((c) => c.name === "Billing")?.subclassifications.map((s) => s.name)).toEqual(["Invoice", "Payment"]);
    expect(await t.prisma.contactChannel.findMany({ where: { name: { in: ["Phone", "E-mail", "Chat"] } } })).toHaveLength(3);
    expect(await t.prisma.contactClassification.count({ where: { module: "CRM", name: { in: ["Sales", "After-sales"] } } })).toBe(2);
  });
});
