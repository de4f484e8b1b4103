import { afterEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_UPLOAD_MAX_BYTES, extensionOf, sanitizeFileName, uploadMaxBytes, validateUpload } from "@/lib/storage";
import * as fixture from "./fixtures";

const utf8 = (text: string) => new TextEncoder().encode(text);
const check = (fileName: string, bytes: Uint8Array, declaredType?: string) => validateUpload({ fileName, bytes, declaredType });

describe("validateUpload: allowed types, sniffed from the bytes", () => {
  it.each([
    ["scan.pdf", fixture.pdf(), "application/pdf", "pdf"],
    ["photo.png", fixture.png(), "image/png", "png"],
    ["PHOTO.PNG", fixture.png(), "image/png", "png"],
    ["photo.jpg", fixture.jpeg(), "image/jpeg", "jpg"],
    ["photo.jpeg", fixture.jpeg(), "image/jpeg", "jpeg"],
    ["anim.gif", fixture.gif(), "image/gif", "gif"],
    ["pic.webp", fixture.webp(), "image/webp", "webp"],
    ["letter.docx", fixture.docx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"],
    ["sheet.xlsx", fixture.xlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"],
    ["letter.odt", fixture.odt(), "application/vnd.oasis.opendocument.text", "odt"],
  ])("accepts %s", async (name, bytes, contentType, extension) => {
    expect(await check(name, bytes)).toEqual({ ok: true, contentType, extension });
  });

  it("ignores the browser's declared type: the bytes decide", async () => {
    expect(await check("photo.png", fixture.png(), "application/octet-stream")).toMatchObject({ ok: true, contentType: "image/png" });
    expect(await check("evil.png", fixture.exe(), "image/png")).toEqual({ ok: false, reason: "type_not_allowed" });
  });
});

describe("validateUpload: refusals", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("refuses an empty file", async () => {
    expect(await check("empty.pdf", new Uint8Array(0))).toEqual({ ok: false, reason: "empty" });
  });

  it("refuses a file over UPLOAD_MAX_BYTES, and accepts one exactly at the limit", async () => {
    vi.stubEnv("UPLOAD_MAX_BYTES", "1024");
    const text = (size: number) => new Uint8Array(size).fill(0x61);
    expect(await check("big.txt", text(1025))).toEqual({ ok: false, reason: "too_large" });
    expect(await check("fits.txt", text(1024))).toMatchObject({ ok: true });
  });

  it("defaults to 10 MB and rejects a nonsensical limit loudly", () => {
    expect(uploadMaxBytes({})).toBe(10 * 1024 * 1024);
    expect(DEFAULT_UPLOAD_MAX_BYTES).toBe(10 * 1024 * 1024);
    expect(() => uploadMaxBytes({ UPLOAD_MAX_BYTES: "10MB" })).toThrow(/UPLOAD_MAX_BYTES/);
    expect(() => uploadMaxBytes({ UPLOAD_MAX_BYTES: "0" })).toThrow(/UPLOAD_MAX_BYTES/);
  });

  it("refuses an .exe renamed to .png", async () => {
    expect(await check("holiday.png", fixture.exe())).toEqual({ ok: false, reason: "type_not_allowed" });
  });

  it("refuses a PNG named .pdf, and a PDF named .png", async () => {
    expect(await check("invoice.pdf", fixture.png())).toEqual({ ok: false, reason: "type_mismatch" });
    expect(await check("photo.png", fixture.pdf())).toEqual({ ok: false, reason: "type_mismatch" });
  });

  it("refuses extensions outside the allow-list, and names with no extension", async () => {
    for (const name of ["setup.exe", "page.html", "image.svg", "archive.zip", "README", "photo.png.exe"]) {
      expect(await check(name, fixture.png()), name).toEqual({ ok: false, reason: "type_not_allowed" });
    }
  });

  it("refuses plain ZIPs and macro-enabled Office files even when named .docx", async () => {
    expect(await check("letter.docx", fixture.plainZip())).toEqual({ ok: false, reason: "type_not_allowed" });
    expect(await check("letter.docx", fixture.docm())).toEqual({ ok: false, reason: "type_not_allowed" });
    expect(await check("sheet.xlsx", fixture.docx())).toEqual({ ok: false, reason: "type_mismatch" });
  });

  it("refuses unrecognisable bytes under a binary extension", async () => {
    expect(await check("photo.jpg", utf8("just some text"))).toEqual({ ok: false, reason: "type_mismatch" });
  });
});

describe("validateUpload: text and CSV", () => {
  it("accepts UTF-8 CSV with accents (with or without a BOM)", async () => {
    const csv = "nom;ville;montant\nRenée Müller;Besançon;12,50 €\nJosé Ñúñez;Kraków;7\n";
    expect(await check("clients.csv", utf8(csv))).toEqual({ ok: true, contentType: "text/csv; charset=utf-8", extension: "csv" });
    expect(await check("clients.csv", utf8(`\uFEFF${csv}`))).toMatchObject({ ok: true });
  });

  it("accepts text that happens to start like a binary magic number", async () => {
    expect(await check("cars.csv", utf8("BMW,320i,2019\nMZ,2,2020\n"))).toMatchObject({ ok: true });
    expect(await check("notes.txt", utf8("%PDF is a format\n"))).toEqual({ ok: true, contentType: "text/plain; charset=utf-8", extension: "txt" });
  });

  it("refuses binary content named .txt or .csv", async () => {
    expect(await check("notes.txt", fixture.png())).toEqual({ ok: false, reason: "type_mismatch" });
    expect(await check("notes.txt", fixture.exe())).toEqual({ ok: false, reason: "type_mismatch" });
    expect(await check("data.csv", Buffer.from("a,b\n\u0000\u0001", "latin1"))).toEqual({ ok: false, reason: "type_mismatch" });
    expect(await check("latin1.csv", Buffer.from("Renée;Besançon\n", "latin1"))).toEqual({ ok: false, reason: "type_mismatch" });
  });
});

describe("file names", () => {
  it("keeps only the last path segment and drops control, bidi and invisible characters", () => {
    expect(sanitizeFileName("C:\\Users\\me\\report.pdf")).toBe("report.pdf");
    expect(sanitizeFileName("../../etc/passwd")).toBe("passwd");
    expect(sanitizeFileName("invoice\u202Egpj.exe")).toBe("invoicegpj.exe");
    expect(sanitizeFileName("a\r\nb\u0000.txt")).toBe("ab.txt");
    expect(sanitizeFileName("  ..hidden.png. ")).toBe("hidden.png");
    expect(sanitizeFileName("Re\u0301sume\u0301.pdf")).toBe("Résumé.pdf"); // NFC
    expect(sanitizeFileName("...")).toBe("file");
  });

  it("shortens long names but keeps the extension", () => {
    const name = sanitizeFileName(`${"é".repeat(300)}.pdf`);
    expect(Array.from(name)).toHaveLength(200);
    expect(name.endsWith("é.pdf")).toBe(true);
  });

  it("reads extensions case-insensitively, and only real ones", () => {
    expect(extensionOf("A.PDF")).toBe("pdf");
    expect(extensionOf("archive.tar.gz")).toBe("gz");
    expect(extensionOf(".env")).toBe("");
    expect(extensionOf("trailing.")).toBe("");
    expect(extensionOf("weird.p df")).toBe("");
  });
});
