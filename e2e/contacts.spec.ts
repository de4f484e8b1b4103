// "Contact us" in a real browser. In Central mode the company's
// representative sends a contact with an evidence file; staff reply; the
// representative adds a message; staff finish it and it shows under Finished.
// Another portal user (a prospect, not a company) can neither open it nor its
// file. Then an admin switches the module to CRM and the same flow works with a
// contact channel, while the Central contact keeps its sub-classification.
// Each test sends its own contacts and first sets the module it expects (the
// module is one setting of the server, which tests before it may have changed).
import { type Page } from "@playwright/test";
import { expect, test, uniqueTag, type LoginAs } from "./fixtures";

/** The contact module as an admin saves it on the settings page. */
async function useModule(loginAs: LoginAs, module: "Central" | "CRM") {
  const admin = await loginAs("admin", { newContext: true });
  await admin.goto("/admin/settings/contact");
  await admin.getByLabel(`${module} module`).check();
  await admin.getByRole("button", { name: "Save module" }).click();
  await expect(admin.getByText("Saved.")).toBeVisible();
  await admin.context().close();
}

/** Carla reads Portuguese; these tests read English (the choice is stored on her account). */
function companyInEnglish(loginAs: LoginAs) {
  return loginAs("company", { newContext: true, language: "en" });
}

/** Billing / Invoice: the Central module's classification with sub-classifications. */
async function chooseBillingInvoice(page: Page) {
  await expect(page.getByLabel("Sub-classification")).toBeDisabled();
  await page.getByLabel("Classification", { exact: true }).selectOption({ label: "Billing" });
  // Only Billing's sub-classifications are offered.
  await expect(page.getByLabel("Sub-classification").locator("option")).toHaveText(["Choose a sub-classification", "Invoice", "Payment"]);
  await page.getByLabel("Sub-classification").selectOption({ label: "Invoice" });
}

async function sendContact(page: Page, choose: (page: Page) => Promise<void>, message: string, fileTag?: string) {
  await page.goto("/portal/contact");
  await page.getByRole("link", { name: "New contact" }).click();
  await expect(page.getByRole("heading", { name: "New contact" })).toBeVisible();
  await choose(page);
  await expect(page.getByLabel("Contact person")).toHaveValue("Carla Company");
  await page.getByLabel("Phone").fill("+55 11 91234-5678");
  await expect(page.getByLabel("E-mail", { exact: true })).toHaveValue("company@portico.test");
  await page.getByRole("textbox", { name: "Message" }).fill(message);
  if (fileTag) {
    await page
      .getByLabel("Attachments (optional)")
      .setInputFiles({ name: `evidence-${fileTag}.txt`, mimeType: "text/plain", buffer: Buffer.from(`Evidence ${fileTag}`) });
    await expect(page.getByRole("button", { name: `Remove evidence-${fileTag}.txt` })).toBeVisible();
  }
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByText("Your contact was sent.")).toBeVisible();
  await expect(page).toHaveURL(/\/portal\/contact\/\d+\?created=1$/);
  return new URL(page.url()).pathname.split("/").at(-1)!;
}

async function staffReply(loginAs: LoginAs, number: string, clientMessage: string) {
  const staff = await loginAs("staff1", { newContext: true });
  await staff.goto("/admin/contacts?status=OPEN");
  await staff.getByRole("link", { name: `#${number}`, exact: true }).click();
  await expect(staff.getByRole("heading", { name: `Contact #${number}` })).toBeVisible();
  await expect(staff.getByText(clientMessage)).toBeVisible();
  await staff.getByRole("textbox", { name: "Message" }).fill(`We are on it (${number}).`);
  await staff.getByRole("button", { name: "Reply" }).click();
  await expect(staff.getByText("Reply sent. The contact person was e-mailed.")).toBeVisible();
  await expect(staff.getByText(`We are on it (${number}).`)).toBeVisible();
  return staff;
}

async function finish(staff: Page, number: string, followUp: string) {
  await staff.reload();
  await expect(staff.getByText(followUp)).toBeVisible();
  await staff.getByRole("button", { name: "Finish" }).click();
  await staff.getByRole("dialog").getByRole("button", { name: "Finish" }).click();
  await expect(staff.getByRole("button", { name: "Reopen" })).toBeVisible();
  await expect(staff.getByText("This contact is finished. Reopen it to reply.")).toBeVisible();
  await staff.goto(`/admin/contacts?status=FINISHED&q=${number}`);
  await expect(staff.getByRole("link", { name: `#${number}`, exact: true })).toBeVisible();
}

async function addMessage(company: Page, number: string, text: string) {
  await company.goto(`/portal/contact/${number}`);
  await expect(company.getByText(`We are on it (${number}).`)).toBeVisible();
  await expect(company.getByText("Our team")).toBeVisible();
  await company.getByRole("textbox", { name: "Message" }).fill(text);
  await company.getByRole("button", { name: "Send" }).click();
  await expect(company.getByText("Message sent.")).toBeVisible();
  await expect(company.getByText(text)).toBeVisible();
}

async function seesUnderFinished(company: Page, number: string) {
  await company.goto("/portal/contact");
  await company.getByRole("link", { name: /^Finished \(\d+\)$/ }).click();
  await expect(company).toHaveURL(/status=FINISHED/);
  await company.getByRole("link", { name: `#${number}`, exact: true }).click();
  await expect(company.getByText("This contact is finished. You can read it, but it no longer takes new messages.")).toBeVisible();
  await expect(company.getByRole("button", { name: "Send" })).toHaveCount(0);
}

/** Carla sends a Central contact (Billing / Invoice) with an evidence file; returns its number and the file's URL. */
async function sendCentralContact(company: Page, tag: string) {
  const message = `The March invoice is charged twice (${tag}).`;
  const number = await sendContact(company, chooseBillingInvoice, message, tag);
  const fileUrl = (await company.getByRole("link", { name: `evidence-${tag}.txt` }).getAttribute("href"))!;
  return { number, message, fileUrl };
}

test("Central: a company sends a contact with evidence; staff reply; the company adds a message; staff finish it", async ({ loginAs }) => {
  const tag = uniqueTag();
  await useModule(loginAs, "Central");
  const company = await companyInEnglish(loginAs);
  const { number, message, fileUrl } = await sendCentralContact(company, tag);
  await expect(company.getByRole("link", { name: `evidence-${tag}.txt` })).toBeVisible();
  const download = await company.request.get(fileUrl);
  expect(download.status()).toBe(200);
  expect(await download.text()).toBe(`Evidence ${tag}`);

  const staff = await staffReply(loginAs, number, message);
  // Staff download the company's evidence too.
  expect((await staff.request.get(fileUrl)).status()).toBe(200);

  await addMessage(company, number, `Thanks, waiting for the refund (${tag}).`);
  await finish(staff, number, `Thanks, waiting for the refund (${tag}).`);
  await seesUnderFinished(company, number);
  await expect(company.getByText("Invoice", { exact: true })).toBeVisible();
});

test("e-mails: staff were told of the new contact, the contact person of the reply and the finish", async ({ loginAs }) => {
  const tag = uniqueTag();
  await useModule(loginAs, "Central");
  const company = await companyInEnglish(loginAs);
  const { number, message } = await sendCentralContact(company, tag);
  const staff = await staffReply(loginAs, number, message);
  await addMessage(company, number, `Thanks, waiting for the refund (${tag}).`);
  await finish(staff, number, `Thanks, waiting for the refund (${tag}).`);

  const admin = await loginAs("admin", { newContext: true });
  await admin.goto(`/admin/outbox?q=${encodeURIComponent(`#${number}`)}`);
  await expect(admin.getByRole("link", { name: `New contact #${number} from Acme Indústria Ltda` }).first()).toBeVisible();
  await expect(admin.getByRole("link", { name: `New message on contact #${number} from Acme Indústria Ltda` }).first()).toBeVisible();
  await expect(admin.getByRole("link", { name: `Answer to your contact #${number}` })).toBeVisible();
  await expect(admin.getByRole("link", { name: `Your contact #${number} was finished` })).toBeVisible();
});

test("a portal user who is not a company's representative cannot open the contact or its file", async ({ loginAs }) => {
  const tag = uniqueTag();
  await useModule(loginAs, "Central");
  const company = await companyInEnglish(loginAs);
  const { number, fileUrl } = await sendCentralContact(company, tag);

  // Pia reads Finnish.
  const prospect = await loginAs("prospect", { newContext: true, language: "fi" });
  await prospect.goto(`/portal/contact/${number}`);
  await expect(prospect.getByText("Sivua ei löytynyt")).toBeVisible();
  expect(await prospect.content()).not.toContain(tag);
  expect((await prospect.request.get(fileUrl)).status()).toBe(404);
  await prospect.goto("/portal/contact/new");
  await expect(prospect.getByText("Ota yhteyttä -palvelu on yrityksille")).toBeVisible();
  await expect(prospect.getByRole("button", { name: "Lähetä" })).toHaveCount(0);
});

test("CRM: an admin switches the module; the form asks for a contact channel and the same flow works", async ({ loginAs }) => {
  const tag = uniqueTag();
  // A contact sent while the module is Central, kept as it was sent.
  await useModule(loginAs, "Central");
  const company = await companyInEnglish(loginAs);
  const central = await sendCentralContact(company, tag);

  await useModule(loginAs, "CRM");
  try {
    const message = `We would like a quote for ten more seats (${tag}).`;
    const number = await sendContact(
      company,
      async (page) => {
        await expect(page.getByLabel("Sub-classification")).toHaveCount(0);
        await page.getByLabel("Classification", { exact: true }).selectOption({ label: "Sales" });
        await page.getByLabel("Contact channel").selectOption({ label: "Chat" });
      },
      message,
    );
    await expect(company.getByText("CRM module", { exact: true })).toBeVisible();
    await expect(company.getByText("Chat", { exact: true })).toBeVisible();

    const staff = await staffReply(loginAs, number, message);
    await addMessage(company, number, `Great, thank you (${tag}).`);
    await finish(staff, number, `Great, thank you (${tag}).`);
    await seesUnderFinished(company, number);

    // The Central contact is still shown with the data it was created with.
    await company.goto(`/portal/contact/${central.number}`);
    await expect(company.getByText("Central module", { exact: true })).toBeVisible();
    await expect(company.getByText("Invoice", { exact: true })).toBeVisible();
  } finally {
    // The demo's module is Central.
    await useModule(loginAs, "Central");
  }
});
