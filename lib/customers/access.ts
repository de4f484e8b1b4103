// Which customer records a portal user reaches: companies and
// prospects through a contact person first, else the record itself; persons,
// students and professors through their own record. Every client query that
// touches customer data is scoped by these ids.
import type { DbOrTx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { CustomerKind } from "@/lib/generated/prisma/enums";

export interface ReachableCustomer {
  id: string;
  name: string;
  kind: CustomerKind;
  via: "contact" | "direct";
}

export async function reachableCustomers(db: DbOrTx, actor: Pick<Actor, "userId">): Promise<ReachableCustomer[]> {
  const rows = await db.customer.findMany({
    where: { active: true, OR: [{ userId: actor.userId }, { contacts: { some: { userId: actor.userId } } }] },
    select: { id: true, name: true, kind: true, userId: true, contacts: { where: { userId: actor.userId }, select: { id: true }, take: 1 } },
    orderBy: { name: "asc" },
  });
  return rows.map((c) => ({
    id: c.id,
    name: c.name,
    kind: c.kind,
    via: c.contacts.length > 0 && (c.kind === CustomerKind.COMPANY || c.kind === CustomerKind.PROSPECT || c.userId !== actor.userId) ? "contact" : "direct",
  }));
}

export async function reachableCustomerIds(db: DbOrTx, actor: Pick<Actor, "userId">): Promise<string[]> {
  return (await reachableCustomers(db, actor)).map((c) => c.id);
}
