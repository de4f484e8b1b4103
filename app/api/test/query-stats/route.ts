// Benchmark only (PORTICO_QUERY_STATS=1): the number of SQL statements the
// process has run so far. Answers 404 everywhere else.
import { queryCount, queryStatsEnabled } from "@/lib/db/query-stats";

export const dynamic = "force-dynamic";

export function GET() {
  if (!queryStatsEnabled()) return new Response("Not found", { status: 404 });
  return Response.json({ count: queryCount() });
}
