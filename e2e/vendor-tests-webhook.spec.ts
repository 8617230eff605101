import { expect, test } from "./fixtures";

// Nothing here is saved: Test Webhook sends the form's current values, and the demo
// application's settings stay as the other journeys expect them.
test("a vendor admin tests their webhook before saving: a signed test request, then the endpoint's failure", async ({
  vendorAdmin: page,
  receiver,
}) => {
  await page.getByRole("link", { name: /Acme Math Studio/ }).click();
  await expect(page.getByRole("heading", { name: "Provisioning" })).toBeVisible();

  await page.getByLabel("Webhook URL").fill(receiver.url);
  // Another journey may have saved headers on this application: add ours after them.
  const existingHeaders = await page.getByLabel("Header Name").count();
  await page.getByRole("button", { name: "Add Header" }).click();
  await page.getByLabel("Header Name").nth(existingHeaders).fill("X-Acme-Tenant");
  await page.getByLabel("Header Value").nth(existingHeaders).fill("springfield");
  await page.getByRole("button", { name: "Add Header" }).click();
  await page.getByLabel("Header Name").nth(existingHeaders + 1).fill("X-Receiver-Token");
  await page.getByLabel("Header Value").nth(existingHeaders + 1).fill("tok_4b1d9e");
  await page.getByRole("checkbox", { name: "Secret" }).nth(existingHeaders + 1).check();

  await page.getByRole("button", { name: "Test Webhook" }).click();
  const dialog = page.getByRole("dialog", { name: "Test Webhook" });
  await expect(dialog).toBeVisible();
  const sample = dialog.getByRole("region", { name: "Sample request" });
  await expect(sample).toContainText(`POST ${receiver.url}`);
  await expect(sample).toContainText("X-Acme-Tenant: springfield");
  await expect(sample).toContainText("X-Receiver-Token: ••••••••");
  await expect(sample).toContainText('"mode": "test"');
  await expect(sample).toContainText("00000000-0000-4000-8000-000000000000");
  await expect(sample).not.toContainText("tok_4b1d9e");

  const submitTest = dialog.getByRole("button", { name: "Submit Test" });
  const result = dialog.getByRole("status", { name: "Test result" });
  await submitTest.click();
  await expect(result).toContainText("Your endpoint answered 200 OK. The test succeeded.");
  await expect(result).toContainText("Status 200");
  await expect(result).toContainText(/Latency \d+ ms/);

  expect(receiver.received).toHaveLength(1);
  const [delivered] = receiver.received;
  expect(JSON.parse(delivered!.body)).toMatchObject({ mode: "test", districtGUID: "00000000-0000-4000-8000-000000000000" });
  expect(delivered!.headers["x-acme-tenant"]).toBe("springfield");
  expect(delivered!.headers["x-receiver-token"]).toBe("tok_4b1d9e");
  expect(delivered!.headers["webhook-signature"]).toMatch(/^v1,/);

  receiver.respondWith(500);
  await submitTest.click();
  await expect(result).toContainText("Test failed.");
  await expect(result).toContainText("Status 500");
  await expect(result).not.toContainText("The test succeeded");
  await expect(dialog.getByText("receiver error")).toBeVisible();
  expect(receiver.received).toHaveLength(2);

  // A receiver that checks signatures refuses the deliberately wrong one.
  receiver.respondWith(401, "invalid signature");
  await dialog.getByRole("button", { name: "Send with wrong signature" }).click();
  await expect(result).toContainText("Wrong-signature test succeeded.");
  await expect(result).toContainText("Status 401");
  expect(receiver.received).toHaveLength(3);
  expect(receiver.received[2]!.headers["webhook-signature"]).not.toBe(receiver.received[0]!.headers["webhook-signature"]);

  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("button", { name: "Test Webhook" })).toBeFocused();
});

test("Test Webhook without a URL says what is missing instead of showing a sample", async ({ vendorAdmin: page }) => {
  await page.getByRole("link", { name: /Acme Math Studio/ }).click();
  await page.getByLabel("Webhook URL").fill("");

  await page.getByRole("button", { name: "Test Webhook" }).click();
  const dialog = page.getByRole("dialog", { name: "Test Webhook" });
  await expect(dialog.getByRole("alert")).toContainText(/Enter a webhook URL/);
  await expect(dialog.getByRole("region", { name: "Sample request" })).toHaveCount(0);
  await expect(dialog.getByRole("button", { name: "Submit Test" })).toBeDisabled();
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toBeHidden();
});

test("a vendor admin reveals, rotates and hides the signing secret", async ({ vendorAdmin: page }) => {
  await page.getByRole("link", { name: /Acme Reading Lab/ }).click();
  await expect(page.getByRole("heading", { name: "Signing secret" })).toBeVisible();
  await expect(page.getByText("whsec_••••••••")).toBeVisible();

  await page.getByRole("button", { name: "Reveal" }).click();
  const secret = page.getByLabel("Current signing secret");
  await expect(secret).toHaveValue(/^whsec_[A-Za-z0-9+/=]{20,}$/);
  await expect(secret).toHaveAttribute("readonly", "");
  const original = await secret.inputValue();

  await page.getByRole("button", { name: "Rotate secret…" }).click();
  await expect(page.getByText("The current secret keeps signing for 24 hours beside the new one")).toBeVisible();
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(secret).toHaveValue(original);

  await page.getByRole("button", { name: "Rotate secret…" }).click();
  await page.getByRole("button", { name: "Rotate", exact: true }).click();
  await expect(secret).not.toHaveValue(original);
  await expect(secret).toHaveValue(/^whsec_/);
  await expect(page.getByText(/The previous secret stops signing at \d{1,2} \w{3} \d{4}, \d{2}:\d{2} UTC/)).toBeVisible();
  await expect(page.getByText(/Signing secret rotated; the previous secret signs until/)).toBeVisible();
  await expect(secret).toHaveValue(/^whsec_/);

  await page.getByRole("button", { name: "Hide" }).click();
  await expect(page.getByLabel("Current signing secret")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Reveal" })).toBeFocused();
});
