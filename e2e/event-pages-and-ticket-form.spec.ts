// Event pages and the new-ticket form in a real browser: staff create a public
// event with a portrait artwork and a session; a portal client sees the
// artwork loaded and the session with its time and a link to its page; the
// public page shows the whole image (its own aspect ratio, not cropped) and
// links to the session's public page. On the new-ticket page, choosing a type
// shows its required parameters marked *, and sending it empty shows each
// field's message without a request to the server, keeping what was typed.
// Each test that reads the event creates its own, through the staff form.
import { deflateSync } from "node:zlib";
import { type Locator, type Page } from "@playwright/test";
import { expect, test, uniqueTag } from "./fixtures";
import { createEventType } from "./helpers";

/** A solid-colour RGB PNG of the given size (portrait here, so a cropping page would cut it). */
function png(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, Buffer.from([0x43, 0x38, 0xca]))]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(pixels)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

async function imageState(img: Locator) {
  return img.evaluate((el: HTMLImageElement) => ({
    loaded: el.complete && el.naturalWidth > 0,
    natural: el.naturalWidth / Math.max(1, el.naturalHeight),
    shown: el.clientWidth / Math.max(1, el.clientHeight),
    objectFit: getComputedStyle(el).objectFit,
  }));
}

/** The star drawn after a label ("" when the field is not marked required). */
async function starOf(page: Page, label: string) {
  const marks = page.locator("label", { hasText: label }).locator("[data-required-mark]");
  if ((await marks.count()) === 0) return "";
  return marks.first().evaluate((el) => getComputedStyle(el, "::after").content.replace(/["']/g, ""));
}

interface ArtworkEvent {
  name: string;
  sessionName: string;
  portalPath: string;
  publicPath: string;
}

/**
 * Staff create a public event type, an event of it with a portrait artwork
 * and a session of that event, through the forms; returns their names and the
 * event's portal and public paths.
 */
async function createArtworkEvent(page: Page, tag: string): Promise<ArtworkEvent> {
  const eventName = `Artwork day ${tag}`;
  const sessionName = `Morning session ${tag}`;
  await createEventType(page, `Open day ${tag}`, { isPublic: true });

  await page.goto("/admin/events/new");
  await page.getByLabel("Name", { exact: true }).fill(eventName);
  await page.getByLabel("Time zone").selectOption("America/Sao_Paulo");
  await page.getByLabel("Starts", { exact: true }).fill("2027-05-10T09:00");
  await page.getByLabel("Ends", { exact: true }).fill("2027-05-10T17:00");
  await page.getByLabel("Type").selectOption({ label: `Open day ${tag} (public)` });
  await page.getByLabel("Seats", { exact: true }).fill("20");
  await page.getByLabel("Visible in the portal").check();
  await page.getByLabel("Public registration (public page, no login)").check();
  await page.getByLabel("Public sign-ups confirm by e-mail").uncheck();
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByText("The event was created.")).toBeVisible();
  const adminPath = new URL(page.url()).pathname;
  const portalPath = new URL(await page.getByLabel("Portal registration link").inputValue()).pathname;
  const publicPath = new URL(await page.getByLabel("Public registration link").inputValue()).pathname;

  await page.getByLabel("Artwork image").setInputFiles({ name: "poster.png", mimeType: "image/png", buffer: png(300, 600) });
  await page.getByRole("button", { name: "Upload artwork" }).click();
  await expect(page.getByRole("img", { name: `Artwork of ${eventName}` })).toBeVisible();

  await page.getByRole("link", { name: "Add session" }).click();
  await page.getByLabel("Name", { exact: true }).fill(sessionName);
  await page.getByLabel("Starts", { exact: true }).fill("2027-05-10T09:00");
  await page.getByLabel("Ends", { exact: true }).fill("2027-05-10T12:00");
  await page.getByLabel("Online conference link").fill("https://meet.example.test/morning");
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByText("The event was created.")).toBeVisible();
  await page.goto(adminPath);
  await expect(page.getByRole("link", { name: new RegExp(sessionName) })).toBeVisible();
  return { name: eventName, sessionName, portalPath, publicPath };
}

test("staff create a public event with a portrait artwork and a session", async ({ loginAs }) => {
  const event = await createArtworkEvent(await loginAs("admin"), uniqueTag());
  expect(event.portalPath).toMatch(/^\/portal\/events\/\d+$/);
  expect(event.publicPath).toMatch(/^\/e\/[^/]+$/);
});

test("a portal client sees the artwork and the session with its time and a link", async ({ page, loginAs }) => {
  const { name: eventName, sessionName, portalPath } = await createArtworkEvent(await loginAs("admin", { newContext: true }), uniqueTag());
  await loginAs("professor", { language: "en" });
  await page.goto(portalPath);
  await expect(page.getByRole("heading", { name: eventName })).toBeVisible();
  const artwork = page.getByRole("img", { name: `Artwork of ${eventName}` });
  await expect(artwork).toBeVisible();
  await expect.poll(async () => (await imageState(artwork)).loaded).toBe(true);

  const session = page.getByRole("listitem").filter({ hasText: sessionName });
  // 09:00-12:00 on May 10, 2027 in the event's time zone, in the viewer's language; online, without the link itself.
  await expect(session).toContainText(/May 10, 2027.*9:00\s*AM.*12:00\s*PM/);
  await expect(session).toContainText("Online");
  expect(await page.content()).not.toContain("meet.example.test");
  const link = session.getByRole("link", { name: new RegExp(sessionName) });
  await expect(link).toHaveAttribute("href", /^\/portal\/events\/\d+$/);
  await link.click();
  await expect(page.getByRole("heading", { name: sessionName })).toBeVisible();
  await expect(page.getByRole("link", { name: `Go to ${eventName}` }).first()).toBeVisible();
});

test("the public page shows the whole artwork and links to the session's public page", async ({ browser, loginAs }) => {
  const { name: eventName, sessionName, publicPath } = await createArtworkEvent(await loginAs("admin"), uniqueTag());
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  await page.goto(publicPath);
  await expect(page.getByRole("heading", { name: eventName })).toBeVisible();
  const artwork = page.getByRole("img", { name: `Artwork of ${eventName}` });
  await expect.poll(async () => (await imageState(artwork)).loaded).toBe(true);
  const state = await imageState(artwork);
  // A 1:2 portrait stays 1:2 on the page: nothing is cut off.
  expect(state.natural).toBeCloseTo(0.5, 2);
  expect(state.shown).toBeCloseTo(state.natural, 1);
  expect(state.objectFit).not.toBe("cover");

  const session = page.getByRole("listitem").filter({ hasText: sessionName });
  await expect(session).toContainText(/May 10, 2027.*9:00\s*AM.*12:00\s*PM/);
  const link = session.getByRole("link", { name: new RegExp(sessionName) });
  await expect(link).toHaveAttribute("href", /^\/e\/[^/]+$/);
  await link.click();
  await expect(page.getByRole("heading", { name: sessionName })).toBeVisible();
  await context.close();
});

test("the new-ticket form marks required parameters and checks every rule before sending", async ({ page, loginAs }) => {
  const tag = uniqueTag();
  await loginAs("professor", { language: "en" });
  await page.goto("/portal/tickets/new");
  await expect(page.getByText("Fields marked * are required.")).toBeVisible();

  await page.getByLabel("Group").selectOption({ label: "Support" });
  await page.getByLabel("Type").selectOption({ label: "Incident" });
  // The opening stage's parameters appear at once, the required one marked * and announced as required.
  const affected = page.getByLabel("Affected system");
  await expect(affected).toBeVisible();
  await expect(affected).toHaveAttribute("aria-required", "true");
  expect(await starOf(page, "Affected system")).toBe("*");
  await expect(page.getByLabel("Severity")).not.toHaveAttribute("aria-required", "true");
  expect(await starOf(page, "Severity")).toBe("");
  expect(await starOf(page, "Subject")).toBe("*");
  expect(await starOf(page, "Reason")).toBe("*");

  await page.getByLabel("Subject").fill(`Scanner jam ${tag}`);
  await page.getByLabel("Severity").selectOption("High");
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") posts.push(request.url());
  });
  await page.getByRole("button", { name: "Save/Request" }).click();

  await expect(affected).toHaveAttribute("aria-invalid", "true");
  await expect(affected).toHaveAccessibleDescription("This field is required.");
  await expect(page.getByLabel("Description", { exact: true })).toHaveAccessibleDescription("This field is required.");
  await expect(page.getByLabel("Reason")).toHaveAccessibleDescription("This field is required.");
  await expect(page.getByLabel("Subject")).toHaveValue(`Scanner jam ${tag}`);
  await expect(page.getByLabel("Severity")).toHaveValue("High");
  expect(posts).toEqual([]);

  // Filling the field clears its message, still without asking the server.
  await affected.fill("Scanner");
  await expect(affected).not.toHaveAttribute("aria-invalid", "true");
  expect(posts).toEqual([]);
});
