// The .ics file: exact UTC instants whatever the event's zone, escaping,
// folding, and a cancelled event marked as such.
import { describe, expect, it } from "vitest";
import { eventCalendar, type CalendarEvent } from "@/lib/events/calendar";

const base: CalendarEvent = {
  id: "4b1c2f9e-0000-4000-8000-000000000001",
  number: 42,
  name: "Treinamento; módulo 1, turma A",
  description: "Linha 1\nLinha 2",
  // 14:00 in São Paulo (UTC−3) is 17:00 UTC.
  startsAt: new Date("2026-12-01T14:00:00-03:00"),
  endsAt: new Date("2026-12-01T16:30:00-03:00"),
  timeZone: "America/Sao_Paulo",
  status: "CONFIRMED",
  location: "Sala 3, Av. Paulista 1000",
  url: "https://meet.example/abc",
  updatedAt: new Date("2026-11-20T10:00:00Z"),
};
const options = { host: "portico.test", cancelledLabel: "Cancelado" };
const unfold = (ics: string) => ics.replace(/\r\n /g, "");

describe("event calendar file", () => {
  it("writes the instants in UTC and names the event's zone", () => {
    const ics = unfold(eventCalendar(base, options));
    expect(ics).toContain("DTSTART:20261201T170000Z\r\n");
    expect(ics).toContain("DTEND:20261201T193000Z\r\n");
    expect(ics).toContain("X-WR-TIMEZONE:America/Sao_Paulo");
    expect(ics).toContain("STATUS:CONFIRMED");
  });

  it("escapes text and folds long lines without breaking characters", () => {
    const long = { ...base, description: "Descrição ".repeat(30) };
    const raw = eventCalendar(long, options);
    for (const line of raw.split("\r\n")) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    const ics = unfold(raw);
    expect(ics).toContain("SUMMARY:Treinamento\\; módulo 1\\, turma A");
    expect(ics).toContain(`DESCRIPTION:${"Descrição ".repeat(30)}`);
    expect(unfold(eventCalendar(base, options))).toContain("DESCRIPTION:Linha 1\\nLinha 2");
  });

  it("says when the event is cancelled", () => {
    const ics = unfold(eventCalendar({ ...base, status: "CANCELLED" }, options));
    expect(ics).toContain("METHOD:CANCEL");
    expect(ics).toContain("STATUS:CANCELLED");
    expect(ics).toContain("SUMMARY:Cancelado: Treinamento");
  });
});
