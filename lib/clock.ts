// The one clock of the domain. Business rules read the time from here so tests
// (and the e2e suite, through PORTICO_TEST_CLOCK) can set it.
let fixed: Date | null = null;

export function now(): Date {
  if (fixed) return new Date(fixed);
  const override = process.env.NODE_ENV !== "production" || process.env.PORTICO_E2E === "1" ? process.env.PORTICO_TEST_CLOCK : undefined;
  return override ? new Date(override) : new Date();
}

/** Tests only: freeze the clock at `at`, or give it back to the system with null. */
export function setClock(at: Date | string | null): void {
  fixed = at === null ? null : new Date(at);
}
