import { describe, expect, it } from "vitest";
import { downloadHeaders } from "@/lib/storage";

describe("downloadHeaders", () => {
  it("sets the safe defaults: attachment, nosniff, no caching, length", () => {
    expect(downloadHeaders({ fileName: "report.pdf", contentType: "application/pdf", size: 1234 })).toEqual({
      "Content-Type": "application/pdf",
      "Content-Length": "1234",
      "Content-Disposition": `attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    });
  });

  it("encodes a name with accents and quotes (RFC 6266 / 5987) with an ASCII fallback", () => {
    const headers = downloadHeaders({ fileName: 'Relevé "final" d\'été (v2)*.pdf', contentType: "application/pdf", size: 10 });
    expect(headers["Content-Disposition"]).toBe(
      `attachment; filename="Releve final d'ete (v2)*.pdf"; ` + `filename*=UTF-8''Relev%C3%A9%20final%20d%27%C3%A9t%C3%A9%20%28v2%29%2A.pdf`,
    );
    expect(decodeURIComponent(headers["Content-Disposition"].split("''")[1])).toBe("Relevé final d'été (v2)*.pdf");
  });

  it("cannot be used to inject headers or break out of the quoted string", () => {
    const value = downloadHeaders({ fileName: 'a"\r\nSet-Cookie: x=1; 100%.txt', contentType: "text/plain" })["Content-Disposition"];
    expect(value).not.toMatch(/[\r\n]/);
    expect(value).toBe(`attachment; filename="aSet-Cookie: x=1; 100_.txt"; filename*=UTF-8''aSet-Cookie%3A%20x%3D1%3B%20100%25.txt`);
  });

  it("falls back to underscores for non-Latin names and to 'download' for empty ones", () => {
    expect(downloadHeaders({ fileName: "отчёт.pdf", contentType: "application/pdf" })["Content-Disposition"]).toBe(
      `attachment; filename="_____.pdf"; filename*=UTF-8''%D0%BE%D1%82%D1%87%D1%91%D1%82.pdf`,
    );
    expect(downloadHeaders({ fileName: '""', contentType: "application/pdf" })["Content-Disposition"]).toMatch(/^attachment; filename="download"/);
  });

  it("allows inline only for images and PDF", () => {
    const disposition = (contentType: string) => downloadHeaders({ fileName: "f", contentType, inline: true })["Content-Disposition"].split(";")[0];
    expect(disposition("image/png")).toBe("inline");
    expect(disposition("image/jpeg")).toBe("inline");
    expect(disposition("application/pdf")).toBe("inline");
    expect(disposition("image/svg+xml")).toBe("attachment");
    expect(disposition("text/html")).toBe("attachment");
    expect(disposition("text/plain; charset=utf-8")).toBe("attachment");
  });

  it("replaces a malformed content type and omits an unknown length", () => {
    const headers = downloadHeaders({ fileName: "x.txt", contentType: "text/html\r\nX-Evil: 1" });
    expect(headers["Content-Type"]).toBe("application/octet-stream");
    expect(headers).not.toHaveProperty("Content-Length");
    expect(downloadHeaders({ fileName: "x.csv", contentType: "text/csv; charset=utf-8", size: 0 })).toMatchObject({
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Length": "0",
    });
  });
});
