// SQL statement counting for benchmarks (PORTICO_QUERY_STATS=1 only): the
// ticket benchmark requests one page at a time and reads the counter before
// and after, which gives the statements each page costs, auth included.
const state = globalThis as unknown as { porticoQueryCount?: number };

export const queryStatsEnabled = () => process.env.PORTICO_QUERY_STATS === "1";

export function countQuery(): void {
  state.porticoQueryCount = (state.porticoQueryCount ?? 0) + 1;
}

export function queryCount(): number {
  return state.porticoQueryCount ?? 0;
}
