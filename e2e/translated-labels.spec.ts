// Admin-entered names in the reader's language: a client who switches to
// Portuguese or Finnish reads the demo workflow's group, type, stage and
// condition names and a parameter's choice in that language, in the ticket
// list, on the ticket page and in its stage history; an administrator gives a new group a Finnish and
// a Portuguese name and reads the list in each language. Each test names its
// ticket or group with a tag of its own; the language each one switches to is
// stored on the demo account, so it is put back before the test ends.
import { chooseLanguage, expect, test, uniqueTag } from "./fixtures";

test("a client reads the workflow's names in Portuguese and Finnish", async ({ page, loginAs }) => {
  const subject = `Label check ${uniqueTag()}`;
  await loginAs("person");
  try {
    // Pedro reads Portuguese; the ticket is opened in English, where the names are the base ones.
    await chooseLanguage(page, "en");
    await page.goto("/portal/tickets/new");
    await page.getByLabel("Group").selectOption({ label: "Support" });
    await page.getByLabel("Type").selectOption({ label: "Incident" });
    await page.getByLabel("Subject").fill(subject);
    await page.getByRole("textbox", { name: "Description", exact: true }).fill("The names of this ticket are read in three languages.");
    await page.getByLabel("Affected system").fill("Label scanner");
    await page.getByLabel("Severity").selectOption("High");
    await page.getByLabel("Reason").fill("Please look into it.");
    await page.getByRole("button", { name: "Save/Request" }).click();
    await expect(page).toHaveURL(/\/portal\/tickets\/\d+\?opened=1$/);
    const ticketPath = new URL(page.url()).pathname;

    const expected = [
      {
        locale: "pt-BR" as const,
        group: "Suporte",
        type: "Incidente",
        from: "Abertura",
        stage: "Análise",
        condition: "Solicitar",
        choice: "Alta",
        history: "Histórico de etapas",
      },
      {
        locale: "fi" as const,
        group: "Tuki",
        type: "Häiriö",
        from: "Avaus",
        stage: "Analyysi",
        condition: "Pyydä",
        choice: "Korkea",
        history: "Vaihehistoria",
      },
    ];
    for (const names of expected) {
      await chooseLanguage(page, names.locale);
      await page.goto("/portal/tickets");
      const row = page.getByRole("row").filter({ hasText: subject });
      await expect(row).toContainText(`${names.group} · ${names.type}`);
      await expect(row).toContainText(names.stage);
      await expect(row).not.toContainText("Analysis");

      await page.goto(ticketPath);
      await expect(page.getByRole("heading", { name: subject })).toBeVisible();
      for (const name of [names.group, names.type, names.stage, names.choice])
        await expect(page.getByRole("definition").getByText(name, { exact: true })).toBeVisible();
      const history = page.getByRole("table", { name: names.history });
      await expect(history.getByText(names.from, { exact: true })).toBeVisible();
      await expect(history.getByText(names.stage, { exact: true })).toBeVisible();
      await expect(history.getByText(names.condition, { exact: true })).toBeVisible();
      expect(await history.textContent()).not.toContain("Opening");
    }
  } finally {
    await chooseLanguage(page, "pt-BR");
  }
});

test("an administrator names a group in Finnish and Portuguese and reads it in each language", async ({ page, loginAs }) => {
  const tag = uniqueTag();
  const base = `Escalations ${tag}`;
  const finnish = `Eskalaatiot ${tag}`;
  const portuguese = `Escalonamentos ${tag}`;
  await loginAs("admin");
  await chooseLanguage(page, "en");
  await page.goto("/admin/settings/tickets/groups/new");
  await page.getByLabel("Name", { exact: true }).fill(base);
  await page.getByLabel("In Suomi").fill(finnish);
  await page.getByLabel("In Português (Brasil)").fill(portuguese);
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page).toHaveURL(/\/admin\/settings\/tickets\?notice=groupCreated$/);
  await expect(page.getByRole("link", { name: base, exact: true })).toBeVisible();

  try {
    await chooseLanguage(page, "fi");
    await expect(page.getByRole("link", { name: finnish, exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: base, exact: true })).toHaveCount(0);
    await chooseLanguage(page, "pt-BR");
    await expect(page.getByRole("link", { name: portuguese, exact: true })).toBeVisible();
  } finally {
    await chooseLanguage(page, "en");
  }

  // The edit form keeps the base name and every translation; the group, unused, goes again.
  await page.getByRole("link", { name: base, exact: true }).click();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(base);
  await expect(page.getByLabel("In Suomi")).toHaveValue(finnish);
  await expect(page.getByLabel("In English")).toHaveValue("");
  await page.getByRole("button", { name: "Delete group" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete group" }).click();
  await expect(page).toHaveURL(/\/admin\/settings\/tickets\?notice=groupDeleted$/);
  await expect(page.getByRole("link", { name: base, exact: true })).toHaveCount(0);
});
