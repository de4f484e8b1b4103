// The time zones offered by the user form: the runtime's IANA list, plus UTC
// and the user's current zone, so a stored value is always selectable.
export function timeZoneOptions(...keep: string[]): string[] {
  const zones = new Set(Intl.supportedValuesOf("timeZone"));
  for (const zone of ["UTC", ...keep]) if (zone) zones.add(zone);
  return [...zones].sort();
}
