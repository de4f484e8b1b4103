// The shared test factories make valid rows through the domain functions, so
// other tests can rely on them; and withTestDatabase hands each file its own database.
import { describe, expect, it } from "vitest";
import { withTestDatabase } from "../helpers/db-test";
import { createClient, createContact, createEvent, createGuestRequest, createRegistration, createStaff, createTicket } from "../helpers/factories";
import { MemoryStorage } from "../helpers/memory-storage";

const t = withTestDatabase();

describe("test factories", () => {
  it("creates staff and a portal client reaching its company", async () => {
    const staff = await createStaff(t.prisma);
    expect(staff.actor.role).toBe("STAFF");
    const admin = await createStaff(t.prisma, { role: "ADMIN" });
    expect(admin.actor.role).toBe("ADMIN");
    const client = await createClient(t.prisma);
    expect(await t.prisma.contactPerson.count({ where: { userId: client.user.id, customerId: client.customer.id } })).toBe(1);
  });

  it("creates an event with sessions and fills seats, then the reserve", async () => {
    const event = await createEvent(t.prisma, { seats: 1, reserve: 1, sessions: 2 });
    expect(await t.prisma.event.count({ where: { mainEventId: event.id } })).toBe(2);
    expect((await createRegistration(t.prisma, event.id)).status).toBe("REGISTERED");
    expect((await createRegistration(t.prisma, event.id)).status).toBe("RESERVE");
    await expect(createRegistration(t.prisma, event.id)).rejects.toThrow();
  });

  it("registers a portal client in an event visible in the portal", async () => {
    const event = await createEvent(t.prisma, { visibleInPortal: true });
    const client = await createClient(t.prisma);
    const { registration } = await createRegistration(t.prisma, event.id, { client: client.actor });
    expect(registration.userId).toBe(client.user.id);
  });

  it("opens a ticket, sends a contact and submits a guest request", async () => {
    const ticket = await createTicket(t.prisma);
    expect(await t.prisma.ticket.count({ where: { number: ticket.number } })).toBe(1);
    const contact = await createContact(t.prisma);
    expect(await t.prisma.contact.count({ where: { number: contact.number } })).toBe(1);
    const guest = await createGuestRequest(t.prisma, new MemoryStorage());
    expect(guest.request.status).toBeDefined();
  });
});
