// The guest portal in a real browser: the administrator makes Phone
// required and hides "Location or site", sees it in the preview, saves and
// copies the public link; an anonymous visitor (own browser context, no
// account) sees only the configured fields, meets the required-field error and
// sends a request with a photo; the administrator finds it "Created from Guest
// Portal" and opens it into a Support / Incident ticket that appears in the
// staff queue; the requester's private page shows the staff reply but never the
// internal note; a second request is deleted; a regenerated link makes the old
// one answer 404. Each test sends its own requests; the portal's settings are
// saved again by every test that relies on them (they are one setting of the
// server, which other tests may have changed).
import { type Page } from "@playwright/test";
import { expect, test, uniqueTag } from "./fixtures";
import { untilHydrated } from "./helpers";

const NOT_FOUND = "Page not found";
/** A 1×1 PNG. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");
const LINK_LABEL = "Share this link with the people who may send requests";

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

/** The portal as these tests expect it: enabled, Phone required, "Location or site" hidden. Returns the public link. */
async function configurePortal(admin: Page) {
  await admin.goto("/admin/settings/guest-portal");
  // The form is React's once the page has hydrated: a click before that is undone.
  await untilHydrated(admin);
  await admin.getByLabel("Portal enabled: anyone with the link can send requests").check();
  await admin.getByLabel("Phone is required").check();
  await admin.getByLabel("Show Location or site").uncheck();
  await admin.getByRole("button", { name: "Save", exact: true }).click();
  await expect(admin.getByText("Saved.")).toBeVisible();
  return admin.getByLabel(LINK_LABEL).inputValue();
}

/** Sends a request with a phone (and optionally a photo); returns its number and private status page. */
async function sendRequest(guest: Page, link: string, title: string, photo = false) {
  const servedAt = await openForm(guest, link);
  await guest.getByLabel("Name").fill("Rita Guest");
  await guest.getByLabel("E-mail").fill("rita.guest@example.com");
  await guest.getByLabel("Phone").fill("+55 11 5555-0199");
  await guest.getByLabel("Title").fill(title);
  await guest.getByLabel("Description").fill("Water drips from the ceiling in room 12.");
  if (photo) await guest.getByLabel("Photo or file").setInputFiles({ name: "leak.png", mimeType: "image/png", buffer: PNG });
  await sendWhenHumanlyPossible(guest, servedAt);
  await expect(guest).toHaveURL(/\/g\/status\/[A-Za-z0-9_-]{43}\?received=1$/);
  const number = /#(\d+)/.exec((await guest.getByRole("heading", { level: 1 }).textContent()) ?? "")?.[1] ?? "";
  expect(number).not.toBe("");
  return { number, statusPath: new URL(guest.url()).pathname };
}

/** The administrator opens the request into a Support / Incident ticket, adds an internal note and a reply; returns the ticket's number. */
async function openIntoTicketAndReply(admin: Page, requestNumber: string, internalNote: string, publicReply: string) {
  await admin.goto(`/admin/guest-requests/${requestNumber}`);
  await admin.getByLabel("Group").selectOption({ label: "Support" });
  await admin.getByLabel("Type").selectOption({ label: "Incident" });
  await admin.getByRole("button", { name: "Open ticket" }).click();
  const ticketLink = admin.getByRole("link", { name: /Go to ticket #\d+/ });
  await ticketLink.click();
  await admin.getByRole("textbox", { name: "Message" }).fill(internalNote);
  await admin.getByLabel("Internal note (never shown to the client)").check();
  await admin.getByRole("button", { name: "Send message" }).click();
  await expect(admin.getByText("Internal note added.")).toBeVisible();
  await admin.getByRole("textbox", { name: "Message" }).fill(publicReply);
  await admin.getByRole("button", { name: "Send message" }).click();
  await expect(admin.getByRole("list", { name: "Discussion" }).getByText(publicReply)).toBeVisible();
}

test("the administrator configures the fields, previews them, saves and copies the public link", async ({ loginAs }) => {
  const admin = await loginAs("admin", { newContext: true, contextOptions: { permissions: ["clipboard-read", "clipboard-write"] } });
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

  const link = await admin.getByLabel(LINK_LABEL).inputValue();
  expect(link).toMatch(/\/g\/[A-Za-z0-9_-]{43}$/);
  await admin.getByRole("button", { name: "Copy link" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Copied" })).toBeVisible();
  expect(await admin.evaluate(() => navigator.clipboard.readText())).toBe(link);
});

test("an anonymous visitor sees only the configured fields, meets the required-field error and sends a request with a photo", async ({
  page: guest,
  loginAs,
}) => {
  const title = `Leaking pipe ${uniqueTag()}`;
  const link = await configurePortal(await loginAs("admin", { newContext: true }));
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
  const requestNumber = /#(\d+)/.exec(heading ?? "")?.[1] ?? "";
  expect(requestNumber).not.toBe("");
  await expect(guest.getByText(`Request #${requestNumber} received`)).toBeVisible();
  await expect(guest.getByText("Created", { exact: true })).toBeVisible();
  await expect(guest.getByText("leak.png")).toBeVisible();
});

test("the administrator sees it 'Created from Guest Portal' and opens it into a ticket that appears in the staff queue", async ({ page: guest, loginAs }) => {
  const tag = uniqueTag();
  const title = `Leaking pipe ${tag}`;
  const publicReply = `A plumber comes on Monday (${tag}).`;
  const internalNote = `Internal only: supplier quote ${tag}`;
  const admin = await loginAs("admin", { newContext: true });
  const { number: requestNumber } = await sendRequest(guest, await configurePortal(admin), title, true);

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
  const ticketNumber = /#(\d+)/.exec((await ticketLink.textContent()) ?? "")?.[1] ?? "";
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

test("the requester's private page shows the staff reply and never the internal note", async ({ page: guest, loginAs }) => {
  const tag = uniqueTag();
  const publicReply = `A plumber comes on Monday (${tag}).`;
  const internalNote = `Internal only: supplier quote ${tag}`;
  const admin = await loginAs("admin", { newContext: true });
  const { number, statusPath } = await sendRequest(guest, await configurePortal(admin), `Leaking pipe ${tag}`);
  await openIntoTicketAndReply(admin, number, internalNote, publicReply);

  await guest.goto(statusPath);
  await expect(guest.getByText("Opened (in progress)")).toBeVisible();
  await expect(guest.getByText(publicReply)).toBeVisible();
  const html = await guest.content();
  expect(html).not.toContain(internalNote);
  expect(html).not.toContain("Internal only");
});

test("a second request is deleted after confirmation", async ({ page: guest, loginAs }) => {
  const tag = uniqueTag();
  const secondTitle = `Wrong address ${tag}`;
  const admin = await loginAs("admin", { newContext: true });
  const link = await configurePortal(admin);
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

test("a regenerated link replaces the old one, which answers 404", async ({ page: guest, loginAs }) => {
  const admin = await loginAs("admin", { newContext: true });
  const link = await configurePortal(admin);
  await admin.getByRole("button", { name: "Regenerate link" }).click();
  await admin.getByRole("dialog").getByRole("button", { name: "Regenerate link" }).click();
  await expect(admin.getByText("A new link was created. The old one no longer works.")).toBeVisible();
  const field = admin.getByLabel(LINK_LABEL);
  await expect(field).not.toHaveValue(link);
  const fresh = await field.inputValue();

  const old = await guest.goto(link);
  expect(old?.status()).toBe(404);
  await expect(guest.getByText(NOT_FOUND)).toBeVisible();
  const now = await guest.goto(fresh);
  expect(now?.status()).toBe(200);
  await expect(guest.getByRole("heading", { name: "Send a request" })).toBeVisible();
});

test("the configuration is for administrators: other staff get 403", async ({ page: staff, loginAs }) => {
  await loginAs("staff1");
  const response = await staff.goto("/admin/settings/guest-portal");
  expect(response?.status()).toBe(403);
  await expect(staff.getByText("Access denied")).toBeVisible();
  // The requests themselves are staff work.
  await staff.goto("/admin/guest-requests");
  await expect(staff.getByRole("heading", { name: "Guest requests" })).toBeVisible();
});
