import { readFile } from "node:fs/promises";
import { DISTRICT_ADMIN, expect, signIn, test } from "./fixtures";

test("a district admin uploads a spreadsheet with one bad row, imports the valid rows and downloads the error report", async ({ page }) => {
  test.setTimeout(90_000);
  const run = Date.now();
  const fileName = `people-${run}.csv`;
  const csv = [
    "email,first_name,last_name,account_type,netid,grade",
    `ada.${run}@springfield.example,Ada,Lovelace,Student,S-${run}-1,5`,
    "jsmith@,Jo,Smith,Student,,4",
    `grace.${run}@springfield.example,Grace,Hopper,Teacher,T-${run}-1,`,
  ].join("\n");

  await page.goto("/sign-in");
  await signIn(page, DISTRICT_ADMIN);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Imports" }).click();
  await expect(page.getByRole("heading", { name: "Imports", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Excel template" })).toHaveAttribute("href", /template\?format=xlsx/);

  await page.getByLabel("File to import").setInputFiles({ name: fileName, mimeType: "text/csv", buffer: Buffer.from(csv) });

  // The preview: counts per outcome and the bad row's line, column and sentence; nothing written yet.
  await expect(page.getByRole("heading", { name: fileName })).toBeVisible();
  await expect(page.getByText("3 rows checked")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("Nothing has been written yet")).toBeVisible();
  const problem = page.getByRole("row", { name: "line 3, email: 'jsmith@' is not an email address." });
  await expect(problem).toBeVisible();
  await expect(page.getByRole("button", { name: /^Import \d/ })).toHaveCount(0);

  await page.getByRole("button", { name: "Import the valid rows only" }).click();
  await expect(page.getByText("Import finished")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("Rows with problems were skipped.")).toBeVisible();

  // The history keeps it: who, which way in, the file, what it did, and the error report.
  await page.getByRole("link", { name: "← All imports" }).click();
  const entry = page.getByRole("table", { name: "Import history" }).getByRole("row").filter({ hasText: fileName });
  await expect(entry).toContainText("Upload");
  await expect(entry).toContainText("Completed");
  await expect(entry).toContainText("2 created, 1 errors");

  const [download] = await Promise.all([page.waitForEvent("download"), entry.getByRole("link", { name: "Error report" }).click()]);
  expect(download.suggestedFilename()).toBe(`people-${run}-errors.csv`);
  const report = await readFile((await download.path())!, "utf8");
  expect(report.split("\n")[0]).toBe("kind,file,line,column,message");
  expect(report).toContain(`error,${fileName},3,email,'jsmith@' is not an email address.`);
});
