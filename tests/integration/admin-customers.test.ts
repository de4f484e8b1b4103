import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { reachableCustomerIds } from "@/lib/customers/access";
import { addContactPerson, removeContactPerson } from "@/lib/customers/contact-persons";
import { getCustomer, listCustomers, parseCustomerListQuery } from "@/lib/customers/list-customers";
import { createCustomer as createCustomerRecord, setCustomerActive, updateCustomer } from "@/lib/customers/save-customer";
import { customerSchema, type ContactPersonInput, type CustomerInput } from "@/lib/customers/schemas";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { CustomerKind, Role } from "@/lib/generated/prisma/enums";
import { createActor, createContactPerson, createCustomer, createUser, uniqueTag } from "../helpers/factories";
import { withTestDatabase, type TestDatabase } from "../helpers/db-test";

const database = withTestDatabase();
let db: TestDatabase["prisma"];
let staff: Actor;
let client: Actor;

beforeAll(async () => {
  db = database.prisma;
  ({ actor: staff } = await createActor(db, Role.STAFF));
  ({ actor: client } = await createActor(db, Role.CLIENT));
});

const customerInput = (overrides: Partial<CustomerInput> = {}): CustomerInput => ({
  kind: CustomerKind.COMPANY,
  name: `Acme ${uniqueTag()}`,
  document: "12.345.678/0001-90",
  email: "",
  phone: "",
  userEmail: "",
  active: true,
  ...overrides,
});
const contactInput = (overrides: Partial<ContactPersonInput> = {}): ContactPersonInput => ({ name: "Bea", email: "", phone: "", userEmail: "", ...overrides });

async function fieldErrors(promise: Promise<unknown>): Promise<Record<string, string>> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fields;
}

describe("customers", () => {
  it("creates and edits a customer linked to a client user by e-mail", async () => {
    const owner = await createUser(db);
    const { id } = await createCustomerRecord(
      db,
      staff,
      customerInput({ kind: CustomerKind.PERSON, name: "Ana", document: "", email: " Ana@Example.TEST", userEmail: owner.email.toUpperCase() }),
    );
    expect(await getCustomer(db, staff, id)).toMatchObject({
      kind: CustomerKind.PERSON,
      name: "Ana",
      email: "ana@example.test",
      phone: null,
      user: { email: owner.email },
      contacts: [],
    });
    expect(await reachableCustomerIds(db, { userId: owner.id })).toEqual([id]);

    await updateCustomer(db, staff, id, customerInput({ kind: CustomerKind.STUDENT, name: "Ana B.", document: "", phone: "+55 11 5555-0000" }));
    expect(await getCustomer(db, staff, id)).toMatchObject({
      kind: CustomerKind.STUDENT,
      name: "Ana B.",
      document: null,
      phone: "+55 11 5555-0000",
      user: null,
    });
  });

  it("links only existing client users", async () => {
    const staffUser = await createUser(db, { role: Role.STAFF });
    expect(await fieldErrors(createCustomerRecord(db, staff, customerInput({ userEmail: "nobody@example.test" })))).toEqual({
      userEmail: "customers.userNotFound",
    });
    expect(await fieldErrors(createCustomerRecord(db, staff, customerInput({ userEmail: staffUser.email })))).toEqual({ userEmail: "customers.userNotClient" });
    expect(customerSchema.safeParse(customerInput({ userEmail: "not an e-mail" })).error?.issues[0]).toMatchObject({
      path: ["userEmail"],
      message: "validation.email",
    });
  });

  it("deactivates and reactivates a customer; an inactive record is out of its users' reach", async () => {
    const owner = await createUser(db);
    const customer = await createCustomer(db, { userId: owner.id });
    await setCustomerActive(db, staff, customer.id, false);
    expect((await getCustomer(db, staff, customer.id)).active).toBe(false);
    expect(await reachableCustomerIds(db, { userId: owner.id })).toEqual([]);
    await setCustomerActive(db, staff, customer.id, true);
    expect(await reachableCustomerIds(db, { userId: owner.id })).toEqual([customer.id]);
  });

  it("refuses customer operations to clients, and answers not found for unknown ids", async () => {
    const customer = await createCustomer(db);
    const refused = [
      createCustomerRecord(db, client, customerInput()),
      updateCustomer(db, client, customer.id, customerInput()),
      setCustomerActive(db, client, customer.id, false),
      getCustomer(db, client, customer.id),
      listCustomers(db, client, parseCustomerListQuery({})),
      addContactPerson(db, client, customer.id, contactInput()),
    ];
    for (const attempt of refused) await expect(attempt).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateCustomer(db, staff, "00000000-0000-4000-8000-000000000000", customerInput())).rejects.toBeInstanceOf(NotFoundError);
    await expect(getCustomer(db, staff, "../etc")).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("contact persons", () => {
  it("adds and removes contact persons; a linked contact reaches the company", async () => {
    const company = await createCustomer(db, { kind: CustomerKind.COMPANY });
    const portalUser = await createUser(db);
    const { id: linked } = await addContactPerson(db, staff, company.id, contactInput({ name: "Bea", email: "BEA@example.test", userEmail: portalUser.email }));
    const { id: plain } = await addContactPerson(db, staff, company.id, contactInput({ name: "Caio", phone: "555" }));
    expect((await getCustomer(db, staff, company.id)).contacts).toMatchObject([
      { id: linked, name: "Bea", email: "bea@example.test", user: { email: portalUser.email } },
      { id: plain, name: "Caio", phone: "555", email: null, user: null },
    ]);
    expect(await reachableCustomerIds(db, { userId: portalUser.id })).toEqual([company.id]);

    expect(await fieldErrors(addContactPerson(db, staff, company.id, contactInput({ userEmail: portalUser.email })))).toEqual({
      userEmail: "customers.contactUserDuplicate",
    });

    await removeContactPerson(db, staff, company.id, linked);
    expect((await getCustomer(db, staff, company.id)).contacts.map((c) => c.id)).toEqual([plain]);
    expect(await reachableCustomerIds(db, { userId: portalUser.id })).toEqual([]);
  });

  it("removes a contact only through its own customer", async () => {
    const [a, b] = [await createCustomer(db), await createCustomer(db)];
    const contact = await createContactPerson(db, a.id);
    await expect(removeContactPerson(db, staff, b.id, contact.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(removeContactPerson(db, client, a.id, contact.id)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await getCustomer(db, staff, a.id)).contacts).toHaveLength(1);
    await expect(addContactPerson(db, staff, "00000000-0000-4000-8000-000000000000", contactInput())).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("the customer list", () => {
  it("searches name, document and e-mail, filters by kind and status, and paginates", async () => {
    const tag = uniqueTag("clist");
    for (let i = 0; i < 21; i++) {
      await createCustomer(db, {
        kind: i % 3 === 0 ? CustomerKind.PROSPECT : CustomerKind.COMPANY,
        name: `${tag} company ${String(i).padStart(2, "0")}`,
        active: i !== 1,
      });
    }
    const byDocument = await createCustomer(db, { name: "zz by document", document: `DOC-${tag}` });
    const byEmail = await createCustomer(db, { name: "zz by e-mail", email: `${tag}@example.test` });
    await createContactPerson(db, byEmail.id);

    const first = await listCustomers(db, staff, parseCustomerListQuery({ q: tag.toUpperCase() }));
    expect(first).toMatchObject({ total: 23, page: 1, pageCount: 2 });
    expect(first.rows[0]).toMatchObject({ name: `${tag} company 00`, kind: CustomerKind.PROSPECT, _count: { contacts: 0 } });
    const second = await listCustomers(db, staff, parseCustomerListQuery({ q: tag, page: "2" }));
    expect(second.rows.map((c) => c.name)).toEqual([`${tag} company 20`, "zz by document", "zz by e-mail"]);
    expect(second.rows.find((c) => c.id === byEmail.id)?._count.contacts).toBe(1);

    expect((await listCustomers(db, staff, parseCustomerListQuery({ q: tag, kind: "PROSPECT" }))).total).toBe(7);
    expect((await listCustomers(db, staff, parseCustomerListQuery({ q: tag, kind: "COMPANY", status: "inactive" }))).rows.map((c) => c.name)).toEqual([
      `${tag} company 01`,
    ]);
    expect((await listCustomers(db, staff, parseCustomerListQuery({ q: `doc-${tag}` }))).rows.map((c) => c.id)).toEqual([byDocument.id]);
  });
});
