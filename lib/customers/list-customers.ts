// Reading customer records (staff and admins): the paginated, searchable list
// (one findMany plus one count) and one record with its contact persons for editing.
// A person's record shows their national id (CPF) in full, so each page that
// shows any goes to the access log: one row per page view, with how many.
import "server-only";
import { assertStaff, type Actor } from "@/lib/auth/actor";
import { parseEnumParam, parseStatus } from "@/lib/admin/list-filters";
import type { DbOrTx } from "@/lib/db";
import { isUuid } from "@/lib/db/query-guards";
import { NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { CustomerKind } from "@/lib/generated/prisma/enums";
import { customerDocument, showsPersonalNationalId, usesUserNationalId } from "@/lib/account/cpf";
import { recordSensitiveAccess } from "@/lib/privacy/access-log";
import { getNationalIdSetting } from "@/lib/settings/national-id";
import { parseListQuery, skipTake, toPage, type ListQuery, type Page, type SearchParams } from "@/lib/pagination";

export interface CustomerListQuery extends ListQuery {
  kind?: CustomerKind;
  active?: boolean;
}

export function parseCustomerListQuery(params: SearchParams): CustomerListQuery {
  return { ...parseListQuery(params), kind: parseEnumParam(params, "kind", CustomerKind), active: parseStatus(params) };
}

const rowSelect = {
  id: true,
  kind: true,
  name: true,
  document: true,
  email: true,
  active: true,
  user: { select: { email: true, cpf: true } },
  _count: { select: { contacts: true } },
} satisfies Prisma.CustomerSelect;

export type CustomerRow = Prisma.CustomerGetPayload<{ select: typeof rowSelect }>;

export async function listCustomers(db: DbOrTx, actor: Actor, query: CustomerListQuery): Promise<Page<CustomerRow>> {
  assertStaff(actor);
  const contains = { contains: query.q, mode: "insensitive" } as const;
  const where: Prisma.CustomerWhereInput = {
    kind: query.kind,
    active: query.active,
    // A person's national id is their user's (see customerDocument), so it is searched there too.
    ...(query.q
      ? { OR: [{ name: contains }, { document: contains }, { email: contains }, { user: { cpf: { contains: query.q.replace(/[.\-\s]/g, "") } } }] }
      : {}),
  };
  const [rows, total, setting] = await Promise.all([
    db.customer.findMany({ where, select: rowSelect, orderBy: [{ name: "asc" }, { id: "asc" }], ...skipTake(query) }),
    db.customer.count({ where }),
    getNationalIdSetting(db),
  ]);
  const shown = rows.map((row) => ({ ...row, document: customerDocument(setting, row) }));
  await recordSensitiveAccess(db, actor, {
    kind: "CPF_VIEW",
    entityType: "Customers",
    entityId: "customer-list",
    count: shown.filter((row) => row.document && showsPersonalNationalId(setting, row)).length,
  });
  return toPage(shown, total, query);
}

const editSelect = {
  id: true,
  kind: true,
  name: true,
  document: true,
  email: true,
  phone: true,
  active: true,
  user: { select: { email: true, cpf: true } },
  contacts: {
    select: { id: true, name: true, email: true, phone: true, user: { select: { email: true, active: true } } },
    orderBy: [{ name: "asc" }, { createdAt: "asc" }],
  },
} satisfies Prisma.CustomerSelect;

export type CustomerForEdit = Prisma.CustomerGetPayload<{ select: typeof editSelect }> & {
  /** A person's own record: its document is the linked user's national id. */
  documentFromUser: boolean;
};

export async function getCustomer(db: DbOrTx, actor: Actor, id: string): Promise<CustomerForEdit> {
  assertStaff(actor);
  const customer = isUuid(id) ? await db.customer.findUnique({ where: { id }, select: editSelect }) : null;
  if (!customer) throw new NotFoundError("common.notFound");
  // A person's own record shows their national id, kept on their user.
  const setting = await getNationalIdSetting(db);
  const document = customerDocument(setting, customer);
  if (document && showsPersonalNationalId(setting, customer)) {
    await recordSensitiveAccess(db, actor, { kind: "CPF_VIEW", entityType: "Customer", entityId: customer.id });
  }
  return { ...customer, document, documentFromUser: usesUserNationalId(setting, customer) };
}
