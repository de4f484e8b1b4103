// Where an event happens, as one line for e-mails and calendar entries: the
// place (name, address), or else the customer hosting it.
export function eventLocation(event: { place: { name: string; address: string | null } | null; customer: { name: string } | null }): string | null {
  return event.place ? [event.place.name, event.place.address].filter(Boolean).join(", ") : (event.customer?.name ?? null);
}
