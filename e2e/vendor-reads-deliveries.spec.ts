import { expect, test } from "./fixtures";

test("a vendor admin finds a test webhook in the deliveries log, reads its attempt and redelivers it", async ({ vendorAdmin: page, receiver }) => {
  await page.getByRole("link", { name: /Acme Math Studio/ }).click();
  // Submit Test sends the form as it is, but Redeliver sends to the saved URL: save it first.
  await page.getByLabel("Webhook URL").fill(receiver.url);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Provisioning settings saved." })).toBeVisible();

  await page.getByRole("button", { name: "Test Webhook" }).click();
  const dialog = page.getByRole("dialog", { name: "Test Webhook" });
  await dialog.getByRole("button", { name: "Submit Test" }).click();
  await expect(dialog.getByRole("status", { name: "Test result" })).toContainText("Test succeeded.");
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toBeHidden();
  expect(receiver.received).toHaveLength(1);
  const webhookId = receiver.received[0]!.headers["webhook-id"];
  expect(webhookId).toMatch(/^msg_/);

  const deliveriesTab = page.getByRole("link", { name: "Deliveries" });
  await deliveriesTab.click();
  await expect(deliveriesTab).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("link", { name: "Provisioning" })).not.toHaveAttribute("aria-current", "page");
  const testRow = page.getByRole("row").filter({ hasText: "application.activated" });
  await expect(testRow).toHaveCount(1);
  await expect(testRow.getByRole("cell").nth(2)).toHaveText("Test");
  await expect(testRow.getByRole("cell").nth(4)).toContainText("Delivered");
  await expect(testRow.getByRole("cell").nth(6)).toHaveText("200");

  const modeFilter = page.getByLabel("Mode", { exact: true });
  const statusFilter = page.getByLabel("Status", { exact: true });
  await modeFilter.selectOption("Test");
  await expect(page).toHaveURL(/[?&]mode=test/);
  await expect(testRow).toHaveCount(1);
  await statusFilter.selectOption("Failed");
  await expect(page).toHaveURL(/[?&]status=failed/);
  await expect(page.getByText("No deliveries match these filters.")).toBeVisible();
  await expect(testRow).toHaveCount(0);
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(testRow).toHaveCount(1);
  await expect(statusFilter).toHaveValue("");

  // Test webhooks are sent on behalf of the sandbox district.
  const districtFilter = page.getByLabel("District", { exact: true });
  await districtFilter.selectOption("Rollcall Sandbox District");
  await expect(page).toHaveURL(/[?&]district=00000000-0000-4000-8000-000000000000/);
  await expect(testRow).toHaveCount(1);
  await districtFilter.selectOption("All");
  await expect(page).not.toHaveURL(/district=/);

  await modeFilter.selectOption("Test");
  await expect(page).toHaveURL(/[?&]mode=test/);
  await page.reload();
  await expect(modeFilter).toHaveValue("test");
  await testRow.getByRole("link").click();

  await expect(page.getByRole("heading", { name: "Delivery" })).toBeVisible();
  const firstAttempt = page.getByRole("article", { name: /Attempt 1/ });
  await expect(firstAttempt).toContainText("Succeeded");
  await expect(firstAttempt.getByRole("row", { name: /webhook-id/ })).toContainText(webhookId as string);
  await expect(firstAttempt.getByRole("definition").filter({ hasText: "200" })).toBeVisible();

  await page.getByRole("button", { name: "Redeliver" }).click();
  const secondAttempt = page.getByRole("article", { name: /Attempt 2 · Redeliver/ });
  await expect(secondAttempt).toBeVisible({ timeout: 15_000 });
  await expect(secondAttempt).toContainText("Succeeded");
  await expect(page.getByRole("status").filter({ hasText: "Redelivered as attempt 2" })).toBeVisible();
  await expect.poll(() => receiver.received.length).toBe(2);
  expect(receiver.received.map((request) => request.headers["webhook-id"])).toEqual([webhookId, webhookId]);

  await page.getByRole("link", { name: "All deliveries" }).click();
  await expect(page).toHaveURL(/\/deliveries\?mode=test$/);
  await expect(testRow.getByRole("cell").nth(5)).toHaveText("2");
});

test("after an outage a vendor admin redelivers every failed message at once", async ({ vendorAdmin: page, receiver }) => {
  await page.getByRole("link", { name: /Acme Reading Lab/ }).click();
  await page.getByLabel("Webhook URL").fill(receiver.url);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Provisioning settings saved." })).toBeVisible();

  receiver.respondWith(503);
  await page.getByRole("button", { name: "Test Webhook" }).click();
  const dialog = page.getByRole("dialog", { name: "Test Webhook" });
  for (const _ of [1, 2]) {
    await dialog.getByRole("button", { name: "Submit Test" }).click();
    await expect(dialog.getByRole("status", { name: "Test result" })).toContainText("Status 503");
  }
  await dialog.getByRole("button", { name: "Close" }).click();
  expect(receiver.received).toHaveLength(2);

  receiver.respondWith(200);
  await page.getByRole("link", { name: "Deliveries" }).click();
  await page.getByLabel("Status", { exact: true }).selectOption("Failed");
  await expect(page.getByRole("row").filter({ hasText: "application.activated" })).toHaveCount(2);
  const districtFilter = page.getByLabel("District", { exact: true });
  await districtFilter.selectOption("Rollcall Sandbox District");
  await expect(page.getByRole("button", { name: "Redeliver all failed messages of Rollcall Sandbox District…" })).toBeVisible();
  await districtFilter.selectOption("All");
  await page.getByRole("button", { name: "Redeliver all failed messages…" }).click();
  await page.getByRole("group", { name: "Confirm redelivery" }).getByRole("button", { name: "Redeliver all failed messages" }).click();
  await expect(page.getByText("Queued 2 redeliveries.")).toBeVisible();

  await expect.poll(() => receiver.received.length).toBe(4);
  await expect(page.getByText("No deliveries match these filters.")).toBeVisible();
  const ids = receiver.received.map((request) => request.headers["webhook-id"]);
  expect(new Set(ids.slice(2))).toEqual(new Set(ids.slice(0, 2)));
});
