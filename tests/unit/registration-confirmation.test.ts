// A registration confirmation is stored as its template and props (what
// portico_register_seat and enqueueEmail write) and rendered by the sender
// (renderStoredMessage: shared per event and language, personal fields filled
// in). What the participant receives must be exactly the e-mail a fresh render
// gives, whatever the name holds (markup, quotes, accents, runs of spaces).
import { describe, expect, it } from "vitest";
import { encodeProps } from "@/lib/email/props";
import { renderEmail, renderSubject } from "@/lib/email/render";
import { renderStoredMessage } from "@/lib/email/stored-render";
import type { EventRegistrationProps } from "@/lib/email/templates/event-registration";

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

/** The outbox row as the registration writes it: props through a JSON column, no body. */
function storedRow(locale: string, props: EventRegistrationProps) {
  return {
    template: "eventRegistration",
    locale,
    props: JSON.parse(JSON.stringify(encodeProps(props))) as unknown,
    timeZone: props.timeZone,
    subject: renderSubject("eventRegistration", locale, props, { timeZone: props.timeZone }),
    html: null,
    text: null,
  };
}

describe("registration confirmation, rendered by the sender", () => {
  it.each([
    ['Zoë <b>O\'Brien</b> & "Co"', "tok_A1-b2"],
    ["Ana  Souza", "tok_Z9-y8"],
  ])("equals a fresh render for %s", async (name, token) => {
    const privateUrl = `https://portico.test/e/oficina-7/r/${token}`;
    const props = { ...base, name, privateUrl, onlineUrl: `${privateUrl}/join` };
    for (const locale of ["pt-BR", "en"]) {
      const fresh = await renderEmail("eventRegistration", locale, props, { timeZone: base.timeZone });
      const sent = await renderStoredMessage(storedRow(locale, props));
      expect(sent).toEqual({ subject: fresh.subject, html: fresh.html, text: fresh.text });
    }
  });

  it("shows the name, the private link with its token, the status and the event's details", async () => {
    const privateUrl = "https://portico.test/e/oficina-7/r/tok_Q7-w3";
    const sent = await renderStoredMessage(storedRow("en", { ...base, name: "Bia <Lima>", privateUrl, onlineUrl: `${privateUrl}/join` }));
    expect(sent.subject).toBe("Registration confirmed: Oficina de Integração");
    expect(sent.html).toContain("Bia &lt;Lima&gt;");
    expect(sent.html).toContain(`href="${privateUrl}"`);
    expect(sent.html).toContain(`href="${privateUrl}/join"`);
    expect(sent.text).toContain("Bia <Lima>");
    expect(sent.text).toContain(privateUrl);
    expect(sent.text).toContain("Oficina de Integração");
    expect(sent.text).toContain("2:00 PM"); // 17:00 UTC in America/Sao_Paulo
    expect(sent.text).toContain("Your registration for Oficina de Integração (no. 7) is confirmed.");
    expect(sent.text).toContain("Sala 3");
    // Two participants of the same event share the render, not their personal fields.
    const other = await renderStoredMessage(storedRow("en", { ...base, name: "Caio", privateUrl: "https://portico.test/e/oficina-7/r/tok_other" }));
    expect(other.text).toContain("Caio");
    expect(other.text).not.toContain("Bia");
    expect(other.text).not.toContain("tok_Q7-w3");
  });

  it("renders reserve confirmations with their position", async () => {
    const props = { ...base, name: "Bo", status: "RESERVE" as const, reservePosition: 3 };
    const sent = await renderStoredMessage(storedRow("en", props));
    const fresh = await renderEmail("eventRegistration", "en", props, { timeZone: base.timeZone });
    expect(sent).toEqual({ subject: fresh.subject, html: fresh.html, text: fresh.text });
    expect(sent.text).toContain("number 3 on the reserve list");
  });
});
