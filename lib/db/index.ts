import { getDatabase } from "./client";

export type { Db, DbOrTx } from "./client";

/** The app's Prisma client (lazy: nothing opens until the first query). */
export const db = new Proxy({} as ReturnType<typeof getDatabase>["prisma"], {
  get: (_target, property) => Reflect.get(getDatabase().prisma, property),
});
