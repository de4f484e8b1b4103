// The guest portal in a real browser: the administrator makes Phone
// required and hides "Location or site", sees it in the preview, saves and
// copies the public link; an anonymous visitor (own browser context, no
// account) sees only the configured fields, meets the required-field error and
// sends a request with a photo; the administrator finds it "Created from Guest
// Portal" and opens it into a Support / Incident ticket that appears in the
// staff queue; the requester's private page shows the staff reply but never the
// internal note; a second request is deleted; a regenerated link makes the old
// one answer 404.
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { signIn } from "./fixtures";

test.describe.configure({ mode: "serial" });

const NOT_FOUND = "Page not found";
const tag = Date.now().toString(36);
const title = `Leaking pipe ${tag}`;
const secondTitle = `Wrong address ${tag}`;
const publicReply = `A plumber comes on Monday (${tag}).`;
const internalNote = `Internal only: supplier quote ${tag}`;
/** A 1×1 PNG. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");

let adminContext: BrowserContext;
let guestContext: BrowserContext;
let admin: Page;
let guest: Page;
let link = "";
let requestNumber = "";
let statusPath = "";
let ticketNumber = "";

test.beforeAll(async ({ browser }) => {
  adminContext = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  admin = await adminContext.newPage();
  await signIn(admin, "admin");
  guestContext = await browser.newContext();
  guest = await guestContext.newPage();
});

test.afterAll(async () => {
  await adminContext?.close();
  await guestContext?.close();
});

/** The public form refuses a submission sooner than 3 s after the page was served (a bot's speed). */
async function sendWhenHumanlyPossible(page: Page, servedAt: number) {
  await page.waitForTimeout(Math.max(0, 3_500 - (Date.now() - servedAt)));
  await page.getByRole("button", { name: "Send request" }).click();
}

async function openForm(page: Page, url: string) {
  const servedAt = Date.now();
  await page.goto(url);
  await expect(page.getByRole("heading", { name: "Send a request" })).toBeVisible();
  return servedAt;
}

test("the administrator configures the fields, previews them, saves and copies the public link", async () => {
  await admin.goto("/admin/settings/guest-portal");
  await expect(admin.getByRole("heading", { name: "Guest portal", level: 1 })).toBeVisible();
  await admin.getByLabel("Portal enabled: anyone with the link can send requests").check();
  await admin.getByLabel("Phone is required").check();
  await admin.getByLabel("Show Location or site").uncheck();

  // The preview follows the unsaved changes.
  const preview = admin.getByRole("region", { name: "Preview" });
  await expect(preview.getByLabel("Phone")).toBeVisible();
  await expect(preview.getByText("Phone *")).toBeVisible();
  await expect(preview.getByLabel("Location or site")).toHaveCount(0);
  await expect(preview.getByRole("button", { name: "Send request" })).toBeDisabled();

  await admin.getByRole("button", { name: "Save", exact: true }).click();
  await expect(admin.getByText("Saved.")).toBeVisible();

  link = await admin.getByLabel("Share this link with the people who may send requests").inputValue();
  expect(link).toMatch(/\/g\/[A-Za-z0-9_-]{43}$/);
  await admin.getByRole("button", { name: "Copy link" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Copied" })).toBeVisible();
  expect(await admin.evaluate(() => navigator.clipboard.readText())).toBe(link);
});

test("an anonymous visitor sees only the configured fields, meets the required-field error and sends a request with a photo", async () => {
  const servedAt = await openForm(guest, link);
  await expect(guest.getByLabel("Phone")).toBeVisible();
  await expect(guest.getByLabel("Location or site")).toHaveCount(0);
  await expect(guest.getByLabel("Asset or equipment")).toHaveCount(0);

  await guest.getByLabel("Name").fill("Rita Guest");
  await guest.getByLabel("E-mail").fill("rita.guest@example.com");
  await guest.getByLabel("Title").fill(title);
  await guest.getByLabel("Description").fill("Water drips from the ceiling in room 12.");
  await guest.getByLabel("Photo or file").setInputFiles({ name: "leak.png", mimeType: "image/png", buffer: PNG });
  await guest.getByRole("button", { name: "Send request" }).click();
  const phone = guest.getByLabel("Phone");
  await expect(phone).toHaveAttribute("aria-invalid", "true");
  await expect(phone).toHaveAccessibleDescription("This field is required.");
  await expect(guest.getByLabel("Title")).toHaveValue(title);

  await phone.fill("+55 11 5555-0199");
  await sendWhenHumanlyPossible(guest, servedAt);
  await expect(guest).toHaveURL(/\/g\/status\/[A-Za-z0-9_-]{43}\?received=1$/);
  const heading = await guest.getByRole("heading", { level: 1 }).textContent();
  requestNumber = /#(\d+)/.exec(heading ?? "")?.[1] ?? "";
  expect(requestNumber).not.toBe("");
  await expect(guest.getByText(`Request #${requestNumber} received`)).toBeVisible();
  await expect(guest.getByText("Created", { exact: true })).toBeVisible();
  await expect(guest.getByText("leak.png")).toBeVisible();
  statusPath = new URL(guest.url()).pathname;
});

test("the administrator sees it 'Created from Guest Portal' and opens it into a ticket that appears in the staff queue", async () => {
  await admin.goto("/admin/guest-requests");
  const navLink = admin.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: /Guest requests/ });
  await expect(navLink).toContainText(/\d+/);
  const row = admin.getByRole("row").filter({ hasText: title });
  await expect(row.getByText("Created from Guest Portal")).toBeVisible();
  await row.getByRole("link", { name: title }).click();

  await expect(admin.getByRole("heading", { name: `Guest request #${requestNumber}` })).toBeVisible();
  await expect(admin.getByText("+55 11 5555-0199")).toBeVisible();
  const photo = admin.getByRole("link", { name: "leak.png", exact: true });
  const download = await admin.request.get((await photo.getAttribute("href")) ?? "");
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toContain("image/png");

  await admin.getByLabel("Group").selectOption({ label: "Support" });
  await admin.getByLabel("Type").selectOption({ label: "Incident" });
  await admin.getByRole("button", { name: "Open ticket" }).click();
  const ticketLink = admin.getByRole("link", { name: /Go to ticket #\d+/ });
  await expect(ticketLink).toBeVisible();
  ticketNumber = /#(\d+)/.exec((await ticketLink.textContent()) ?? "")?.[1] ?? "";
  await expect(admin.getByText("Opened", { exact: true })).toBeVisible();

  await ticketLink.click();
  await expect(admin.getByRole("heading", { name: `Ticket #${ticketNumber}` })).toBeVisible();
  await expect(admin.getByText(title).first()).toBeVisible();
  // It starts on the staff side (the Incident type's first staff stage), with the requester's contact.
  await expect(admin.getByText("Analysis").first()).toBeVisible();
  await expect(admin.getByRole("link", { name: "+55 11 5555-0199" })).toBeVisible();

  // A staff reply and an internal note on the ticket.
  await admin.getByRole("textbox", { name: "Message" }).fill(internalNote);
  await admin.getByLabel("Internal note (never shown to the client)").check();
  await admin.getByRole("button", { name: "Send message" }).click();
  await expect(admin.getByText("Internal note added.")).toBeVisible();
  await admin.getByRole("textbox", { name: "Message" }).fill(publicReply);
  await admin.getByRole("button", { name: "Send message" }).click();
  await expect(admin.getByRole("list", { name: "Discussion" }).getByText(publicReply)).toBeVisible();

  await admin.goto(`/admin/tickets?q=${encodeURIComponent(title)}`);
  await expect(admin.getByRole("link", { name: `#${ticketNumber}`, exact: true })).toBeVisible();
});

test("the requester's private page shows the staff reply and never the internal note", async () => {
  await guest.goto(statusPath);
  await expect(guest.getByText("Opened (in progress)")).toBeVisible();
  await expect(guest.getByText(publicReply)).toBeVisible();
  const html = await guest.content();
  expect(html).not.toContain(internalNote);
  expect(html).not.toContain("Internal only");
});

test("a second request is deleted after confirmation", async () => {
  const servedAt = await openForm(guest, link);
  await guest.getByLabel("Phone").fill("5555-0100");
  await guest.getByLabel("Title").fill(secondTitle);
  await guest.getByLabel("Description").fill("Sent by mistake.");
  await sendWhenHumanlyPossible(guest, servedAt);
  await expect(guest).toHaveURL(/\/g\/status\//);
  const second = /#(\d+)/.exec((await guest.getByRole("heading", { level: 1 }).textContent()) ?? "")?.[1] ?? "";

  await admin.goto(`/admin/guest-requests/${second}`);
  await admin.getByRole("button", { name: "Delete request" }).click();
  const dialog = admin.getByRole("dialog");
  await expect(dialog).toContainText(`Delete guest request #${second} and its files?`);
  await dialog.getByRole("button", { name: "Delete request" }).click();
  await expect(admin).toHaveURL(/\/admin\/guest-requests\?deleted=1$/);
  await expect(admin.getByText("The guest request was deleted.")).toBeVisible();
  await expect(admin.getByRole("row").filter({ hasText: secondTitle })).toHaveCount(0);
  await admin.goto(`/admin/guest-requests/${second}`);
  await expect(admin.getByText(NOT_FOUND)).toBeVisible();
});

test("a regenerated link replaces the old one, which answers 404", async () => {
  await admin.goto("/admin/settings/guest-portal");
  await admin.getByRole("button", { name: "Regenerate link" }).click();
  await admin.getByRole("dialog").getByRole("button", { name: "Regenerate link" }).click();
  await expect(admin.getByText("A new link was created. The old one no longer works.")).toBeVisible();
  const field = admin.getByLabel("Share this link with the people who may send requests");
  await expect(field).not.toHaveValue(link);
  const fresh = await field.inputValue();

  const old = await guest.goto(link);
  expect(old?.status()).toBe(404);
  await expect(guest.getByText(NOT_FOUND)).toBeVisible();
  const now = await guest.goto(fresh);
  expect(now?.status()).toBe(200);
  await expect(guest.getByRole("heading", { name: "Send a request" })).toBeVisible();
});

test("the configuration is for administrators: other staff get 403", async ({ browser }) => {
  const context = await browser.newContext();
  try {
    const staff = await context.newPage();
    await signIn(staff, "staff1");
    const response = await staff.goto("/admin/settings/guest-portal");
    expect(response?.status()).toBe(403);
    await expect(staff.getByText("Access denied")).toBeVisible();
    // The requests themselves are staff work.
    await staff.goto("/admin/guest-requests");
    await expect(staff.getByRole("heading", { name: "Guest requests" })).toBeVisible();
  } finally {
    await context.close();
  }
});
