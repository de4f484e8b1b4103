// E-mail templates rendered for real (react-email) and the transports, without a
// database: texts come from the catalogues; getTransport reads the environment.
// The SMTP and Resend transports meet real servers in integration/email-transports.test.ts.
import { createElement } from "react";
import { render } from "@react-email/render";
import { afterEach, describe, expect, it, vi } from "vitest";
import { locales } from "@/lib/i18n/config";
import { createLogTransport, getTransport, logTransport, renderEmail, templates, type TemplateName, type Translator } from "@/lib/email";
import type { EmailTemplate } from "@/lib/email/template";

afterEach(() => vi.restoreAllMocks());

describe("passwordReset template", () => {
  const props = { name: "Ana Souza", resetUrl: "https://portico.example/reset-password/tok3n?x=1&y=2", minutes: 45 };

  it("renders subject, HTML and text in English from the catalogue", async () => {
    const email = await renderEmail("passwordReset", "en", props);
    expect(email.locale).toBe("en");
    expect(email.subject).toBe("Reset your Portico password");
    expect(email.html).toContain('lang="en"');
    expect(email.html).toContain('href="https://portico.example/reset-password/tok3n?x=1&amp;y=2"');
    expect(email.html).toContain("Hello Ana Souza,");
    expect(email.html).toContain("expires in 45 minutes");
    expect(email.html).toContain("This message was sent by Portico.");
    expect(email.text).toContain(props.resetUrl);
    expect(email.text).toContain("Hello Ana Souza,");
    expect(email.text).toContain("Choose a new password");
    expect(email.text).not.toContain("<");
  });

  it("escapes props in HTML", async () => {
    const email = await renderEmail("passwordReset", "en", { ...props, name: "<script>x</script>" });
    expect(email.html).not.toContain("<script>");
    expect(email.html).toContain("&lt;script&gt;");
  });

  it("falls back to the default locale for an unknown one", async () => {
    const email = await renderEmail("passwordReset", "xx-YY", props);
    expect(email.locale).toBe("en");
    expect(email.html).toContain('lang="en"');
  });

  it("has no text of its own: everything visible comes from the translator", async () => {
    const t = ((key: string) => `[${key}]`) as unknown as Translator;
    const template = templates.passwordReset as EmailTemplate<typeof props>;
    const text = await render(createElement(template.Component, { ...props, t, locale: "en" }), { plainText: true });
    const leftover = text
      .replace(/\[[a-zA-Z.]+\]/g, "")
      .replace(props.resetUrl, "")
      .replace(/-{3,}/g, "");
    expect(leftover.trim()).toBe("");
    expect(template.subject(t, props)).toBe("[email.passwordReset.subject]");
  });
});

describe("template registry", () => {
  it("renders every template in every locale without missing messages", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    for (const name of Object.keys(templates) as TemplateName[]) {
      for (const locale of locales) {
        const email = await renderEmail(name, locale, templates[name].example);
        expect(email.locale).toBe(locale);
        expect(email.subject).not.toMatch(/^email\./);
        expect(email.text).not.toMatch(/\bemail\.[a-zA-Z]+\.[a-zA-Z]+/);
      }
    }
    expect(errors).not.toHaveBeenCalled();
  });

  it("rejects an unknown template name", async () => {
    await expect(renderEmail("nope" as TemplateName, "en", {} as never)).rejects.toThrow(/Unknown e-mail template/);
  });
});

describe("transports", () => {
  const message = { id: "3f1c2e9a-1b2c-4d5e-8f90-123456789abc", to: "ana@example.com", subject: "Hi", html: "<p>Hi</p>", text: "Hi" };

  it("logTransport prints one line and marks the message delivered", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    await expect(logTransport.send(message)).resolves.toEqual({ providerId: `log-${message.id}` });
    expect(log).toHaveBeenCalledTimes(1);
    expect(String(log.mock.calls[0][0])).toBe(
      `[email:log] not sent (log transport) id=${message.id} from="Portico <no-reply@localhost>" to="ana@example.com" subject="Hi" attachments=0`,
    );
  });

  it("the log transport names its sender and counts attachments", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const attachment = { fileName: "a.ics", contentType: "text/calendar", content: new Uint8Array([1]) };
    await createLogTransport("X <x@example.com>").send({ ...message, subject: 'Line\n"two"', attachments: [attachment, attachment] });
    const line = String(log.mock.calls[0][0]);
    expect(line).toContain('from="X <x@example.com>"');
    expect(line).toContain('subject="Line\\n\\"two\\"" attachments=2');
    expect(line).not.toContain("\n");
  });

  it("getTransport uses the log transport when neither SMTP_URL nor RESEND_API_KEY is set", () => {
    expect(getTransport({}).name).toBe("log");
    expect(getTransport({ EMAIL_FROM: "X <x@example.com>", SMTP_URL: " ", RESEND_API_KEY: "" }).name).toBe("log");
  });

  it("getTransport picks SMTP with SMTP_URL, pooled as the URL says", async () => {
    const transport = getTransport({ SMTP_URL: "smtp://u:p@127.0.0.1:2525?maxConnections=7", EMAIL_FROM: "X <x@example.com>" });
    try {
      expect(transport.name).toBe("smtp");
      expect(transport.concurrency).toBe(7);
    } finally {
      await transport.close?.();
    }
  });

  it("getTransport picks Resend with RESEND_API_KEY", () => {
    const transport = getTransport({ RESEND_API_KEY: "re_123", EMAIL_FROM: "X <x@example.com>" });
    expect(transport.name).toBe("resend");
    expect(transport.maxBatch).toBe(100);
    expect(transport.sendBatch).toBeTypeOf("function");
  });

  it("getTransport requires EMAIL_FROM with either, refuses both, and checks EMAIL_SEND_RATE", () => {
    expect(() => getTransport({ RESEND_API_KEY: "re_123" })).toThrow(/EMAIL_FROM must be set when RESEND_API_KEY/);
    expect(() => getTransport({ SMTP_URL: "smtp://127.0.0.1:25" })).toThrow(/EMAIL_FROM must be set when SMTP_URL/);
    expect(() => getTransport({ SMTP_URL: "smtp://127.0.0.1:25", RESEND_API_KEY: "re_123", EMAIL_FROM: "X <x@example.com>" })).toThrow(/not both/);
    for (const rate of ["0", "-1", "fast", "Infinity"]) {
      expect(() => getTransport({ RESEND_API_KEY: "re_123", EMAIL_FROM: "X <x@example.com>", EMAIL_SEND_RATE: rate })).toThrow(/EMAIL_SEND_RATE/);
    }
    expect(getTransport({ RESEND_API_KEY: "re_123", EMAIL_FROM: "X <x@example.com>", EMAIL_SEND_RATE: "2.5" }).name).toBe("resend");
  });
});

describe("renderSubject", () => {
  it("gives every recipient the subject a direct formatting would, whatever their personal fields", async () => {
    const { renderSubject } = await import("@/lib/email/render");
    const { translatorFor } = await import("@/lib/i18n/messages");
    for (const name of Object.keys(templates) as TemplateName[]) {
      const template = templates[name] as unknown as {
        subject(t: unknown, p: unknown): string;
        example: Record<string, unknown>;
        personal?: readonly string[];
      };
      for (const locale of locales) {
        for (const who of ["Ana", "Björk O'Neil <b>"]) {
          const props = {
            ...template.example,
            ...Object.fromEntries((template.personal ?? []).filter((f) => typeof template.example[f] === "string").map((f) => [f, `${who} ${f}`])),
          };
          expect(renderSubject(name, locale, props as never, { timeZone: "UTC" })).toBe(template.subject(translatorFor(locale, "UTC"), props));
        }
      }
    }
  });
});
