// The one thread view, as a ticket's discussion and a contact's thread show it:
// each owner's words, staff (and, for tickets, client) markers, the internal
// badge, the understanding's outcome and the files as download links.
import { createElement, type ComponentProps } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import { ContactThread } from "@/components/contacts/contact-thread";
import { Discussion } from "@/components/tickets/discussion";
import { TicketMessageKind } from "@/lib/generated/prisma/enums";
import { messagesFor } from "@/lib/i18n/messages";

const at = new Date("2026-03-02T10:00:00Z");
const file = (id: string, fileName: string, size = 2048) => ({ id, fileName, size, contentType: "text/plain", createdAt: at, internal: false });

function render(node: ReturnType<typeof createElement>) {
  const intl = { locale: "en", messages: messagesFor("en"), timeZone: "UTC" } as unknown as ComponentProps<typeof NextIntlClientProvider>;
  return renderToStaticMarkup(createElement(NextIntlClientProvider, intl, node));
}

describe("a ticket's discussion", () => {
  const message = { authorName: "Alice", createdAt: at, files: [] };
  const html = render(
    createElement(Discussion, {
      messages: [
        { ...message, id: "m1", fromStaff: false, kind: TicketMessageKind.COMMENT, body: "It jams", files: [file("f1", "log.txt")] },
        {
          ...message,
          id: "m2",
          fromStaff: true,
          kind: TicketMessageKind.INTERNAL_NOTE,
          body: "Old contract",
          files: [{ ...file("f2", "quote.pdf"), internal: true }],
        },
        { ...message, id: "m3", fromStaff: false, kind: TicketMessageKind.UNDERSTANDING_REJECTED, body: "Not that" },
      ],
    }),
  );

  it("marks both sides, internal notes and files, and the client's decision", () => {
    expect(html).toContain('aria-label="Discussion"');
    expect(html).toContain(">Client<");
    expect(html).toContain(">Staff<");
    expect(html.match(/>Internal</g)).toHaveLength(2); // the note and its file
    expect(html).toContain('href="/api/files/f1"');
    expect(html).toContain("(2 KB)");
    expect(html).toContain("Understanding rejected");
    expect(html).toContain(": Not that");
  });

  it("says when there are no messages yet, then shows the form or the notice", () => {
    const empty = render(createElement(Discussion, { messages: [], closedNotice: createElement("p", null, "Closed.") }));
    expect(empty).toContain("No messages yet.");
    expect(empty).toContain("Closed.");
  });
});

describe("a contact's thread", () => {
  it("marks only staff, as the contact's team, with the contact's file sizes", () => {
    const html = render(
      createElement(ContactThread, {
        messages: [
          {
            id: "c1",
            authorName: "Carla",
            fromStaff: false,
            body: "Charged twice",
            createdAt: at,
            attachments: [{ file: { id: "f3", fileName: "invoice.pdf", size: 2_000_000 } }],
          },
          { id: "c2", authorName: "Sam", fromStaff: true, body: "Refunded", createdAt: at, attachments: [] },
        ],
      }),
    );
    expect(html).toContain('aria-label="Messages"');
    expect(html).toContain(">Our team<");
    expect(html).not.toContain(">Client<");
    expect(html).toContain('href="/api/files/f3"');
    expect(html).toContain("(1,953 KB)");
  });
});
