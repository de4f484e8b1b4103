// The one clock of the domain. Business rules read the time from here so tests
// can set it: unit tests with setClock, the e2e suite through POST /api/test/clock
// (enabled only with PORTICO_E2E=1). Kept on globalThis: Next.js bundles route
// handlers and pages separately, and they must share one clock.
const state = globalThis as unknown as { porticoClockOffsetMs?: number; porticoClockFixed?: number | null };

export function now(): Date {
  if (state.porticoClockFixed != null) return new Date(state.porticoClockFixed);
  return new Date(Date.now() + (state.porticoClockOffsetMs ?? 0));
}

/** Tests only: freeze the clock at `at`, or give it back to the system with null. */
export function setClock(at: Date | string | null): void {
  state.porticoClockFixed = at === null ? null : new Date(at).getTime();
  state.porticoClockOffsetMs = 0;
}

/** E2E only: let the clock run on from `at` (pages with countdowns keep moving). */
export function travelTo(at: Date | string): void {
  state.porticoClockFixed = null;
  state.porticoClockOffsetMs = new Date(at).getTime() - Date.now();
}
