// E-mail templates rendered for real (react-email) and the transports, without a
// database: texts come from the catalogues, Resend gets the id as idempotency key.
import { createElement } from "react";
import { render } from "@react-email/render";
import { afterEach, describe, expect, it, vi } from "vitest";
import { locales } from "@/lib/i18n/config";
import {
  createLogTransport,
  getTransport,
  logTransport,
  renderEmail,
  resendTransport,
  templates,
  type TemplateName,
  type Translator,
} from "@/lib/email";
import type { EmailTemplate } from "@/lib/email/template";
import { startFakeResend } from "../integration/email-fake-resend";

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
    const leftover = text.replace(/\[[a-zA-Z.]+\]/g, "").replace(props.resetUrl, "").replace(/-{3,}/g, "");
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
    expect(String(log.mock.calls[0][0])).toContain(message.id);
    expect(String(log.mock.calls[0][0])).not.toContain("\n");
  });

  it("getTransport picks Resend only with an API key, and then requires EMAIL_FROM", () => {
    expect(getTransport({}).name).toBe("log");
    expect(getTransport({ EMAIL_FROM: "X <x@example.com>" }).name).toBe("log");
    expect(() => getTransport({ RESEND_API_KEY: "re_123" })).toThrow(/EMAIL_FROM/);
    expect(getTransport({ RESEND_API_KEY: "re_123", EMAIL_FROM: "X <x@example.com>" }).name).toBe("resend");
  });

  it("the log transport names the default sender", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    await createLogTransport().send(message);
    expect(String(log.mock.calls[0][0])).toContain("Portico <no-reply@localhost>");
  });

  it("resendTransport posts the message with the id as idempotency key", async () => {
    const server = await startFakeResend(() => ({ status: 200, body: { id: "re-email-1" } }));
    try {
      const transport = resendTransport("re_test_key", "Portico <no-reply@portico.example>", { baseUrl: server.baseUrl });
      await expect(transport.send(message)).resolves.toEqual({ providerId: "re-email-1" });
      expect(server.requests).toHaveLength(1);
      const [req] = server.requests;
      expect(req.method).toBe("POST");
      expect(req.path).toBe("/emails");
      expect(req.headers["idempotency-key"]).toBe(message.id);
      expect(req.headers.authorization).toBe("Bearer re_test_key");
      expect(req.body).toMatchObject({ from: "Portico <no-reply@portico.example>", to: message.to, subject: "Hi", html: "<p>Hi</p>", text: "Hi" });
    } finally {
      await server.close();
    }
  });

  it("resendTransport throws the provider's message on failure", async () => {
    const server = await startFakeResend(() => ({
      status: 422,
      body: { statusCode: 422, name: "validation_error", message: "Invalid `to` field." },
    }));
    try {
      const transport = resendTransport("re_test_key", "Portico <no-reply@portico.example>", { baseUrl: server.baseUrl });
      await expect(transport.send(message)).rejects.toThrow("Invalid `to` field.");
    } finally {
      await server.close();
    }
  });

  it("resendTransport throws when the API cannot be reached", async () => {
    const transport = resendTransport("re_test_key", "a@b.co", { baseUrl: "http://127.0.0.1:9", timeoutMs: 2000 });
    await expect(transport.send(message)).rejects.toThrow(/Resend:/);
  });
});
