// The cached confirmation must be exactly the e-mail a fresh render gives,
// whatever the participant's name holds (markup, quotes, accents).
import { describe, expect, it } from "vitest";
import { renderEmail } from "@/lib/email/render";
import type { EventRegistrationProps } from "@/lib/email/templates/event-registration";
import { renderConfirmation } from "@/lib/events/confirmation-render";

const base: EventRegistrationProps = {
  name: "",
  eventName: "Oficina de Integração",
  eventNumber: 7,
  startsAt: new Date("2027-03-10T17:00:00Z"),
  endsAt: new Date("2027-03-10T19:00:00Z"),
  timeZone: "America/Sao_Paulo",
  place: "Sala 3",
  onlineUrl: null,
  privateUrl: null,
  status: "REGISTERED",
  reservePosition: null,
};

describe("renderConfirmation", () => {
  it.each([
    ["Zoë <b>O'Brien</b> & \"Co\"", "tok_A1-b2"],
    ["Ana  Souza", "tok_Z9-y8"],
  ])("equals a fresh render for %s", async (name, token) => {
    const privateUrl = `https://portico.test/e/oficina-7/r/${token}`;
    const props = { ...base, name, privateUrl, onlineUrl: `${privateUrl}/join` };
    for (const locale of ["pt-BR", "en"]) {
      const fresh = await renderEmail("eventRegistration", locale, props, { timeZone: base.timeZone });
      const cached = await renderConfirmation({ eventKey: "event-7-v1", locale, timeZone: base.timeZone, props, token });
      expect(cached).toEqual(fresh);
    }
  });

  it("renders reserve confirmations with their position", async () => {
    const props = { ...base, name: "Bo", status: "RESERVE" as const, reservePosition: 3 };
    const email = await renderConfirmation({ eventKey: "event-7-v1", locale: "en", timeZone: base.timeZone, props, token: null });
    expect(email).toEqual(await renderEmail("eventRegistration", "en", props, { timeZone: base.timeZone }));
  });
});
