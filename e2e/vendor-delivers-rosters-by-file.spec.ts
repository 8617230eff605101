import { expect, test } from "./fixtures";

test("a vendor admin builds a custom format, watches the preview follow the columns, and delivers it to the Rollcall-hosted outbox", async ({ vendorAdmin: page }) => {
  test.setTimeout(120_000);
  await page.getByRole("link", { name: /Acme Science Quest/ }).click();
  const tab = page.getByRole("link", { name: "File delivery" });
  await tab.click();
  await expect(tab).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("switch", { name: "Deliver roster files" })).toHaveAttribute("aria-checked", "false");

  // Format: a custom format, previewed from the sandbox district as it is built.
  await page.getByRole("radio", { name: /^Custom format/ }).check();
  const format = page.getByRole("form", { name: "Custom format" });
  const previewHeaders = page.getByRole("table", { name: "Preview of the file" }).getByRole("columnheader");
  await expect(previewHeaders).toHaveText(["sourcedId", "givenName", "familyName", "email", "role", "school.name", "grades"]);

  await format.getByLabel("Field to add").selectOption({ label: "Username (username)" });
  await format.getByRole("button", { name: "Add column" }).click();
  await expect(previewHeaders).toHaveText(["sourcedId", "givenName", "familyName", "email", "role", "school.name", "grades", "username"]);

  await format.getByRole("button", { name: "Move givenName up" }).click();
  await expect(previewHeaders.first()).toHaveText("givenName");
  await format.getByRole("button", { name: "Move username up" }).click();
  await format.getByLabel("Header of column 1 (Given name)").fill("first_name");
  await expect(previewHeaders).toHaveText(["first_name", "sourcedId", "familyName", "email", "role", "school.name", "username", "grades"]);
  await format.getByRole("button", { name: "Remove grades" }).click();
  await expect(previewHeaders).toHaveText(["first_name", "sourcedId", "familyName", "email", "role", "school.name", "username"]);
  await format.getByText("As text").click();
  await expect(format.locator("pre")).toContainText("first_name,sourcedId,familyName,email,role,school.name,username");

  await format.getByRole("button", { name: "Save format" }).click();
  await expect(format.getByText("Format saved as version 1.")).toBeVisible();
  await expect(format.getByText(/Version 1, saved .* by /)).toBeVisible();

  // Destination: Rollcall's own SFTP server, with an outbox per district.
  const destination = page.getByRole("form", { name: "Destination" });
  await destination.getByRole("radio", { name: /^Rollcall-hosted/ }).check();
  await destination.getByRole("button", { name: "Save destination" }).click();
  await expect(destination.getByText("Destination saved: files go to your Rollcall-hosted outbox.")).toBeVisible();
  await expect(page.getByText(/^app-[0-9a-f]{8}$/)).toBeVisible();
  await expect(page.getByText("/outbox/<districtGUID>/")).toBeVisible();

  const deliverySwitch = page.getByRole("switch", { name: "Deliver roster files" });
  await deliverySwitch.click();
  await expect(deliverySwitch).toHaveAttribute("aria-checked", "true");
  await expect(page.getByText("Delivery is on.")).toBeVisible();

  await page.getByRole("button", { name: "Deliver now" }).click();
  await expect(page.getByText(/^Queued for \d+ districts?\./)).toBeVisible();

  // The log follows the run to the end without a reload.
  const log = page.getByRole("region", { name: "Delivery log" });
  await log.getByLabel("District", { exact: true }).selectOption("Riverside Unified School District");
  const run = log.getByRole("row").filter({ hasText: "Riverside Unified School District" });
  await expect(run).toHaveCount(1);
  await expect(run).toContainText("Deliver now");
  await expect(run).toContainText("Custom v1");
  await expect(run.getByText("Delivered")).toBeVisible({ timeout: 60_000 });
  await expect(run).toContainText(/users-\d{4}-\d{2}-\d{2}\.csv/);
  await expect(run).toContainText(/[1-9][\d,]* rows/);
  await expect(run).toContainText("Rollcall outbox /outbox/");
});
