import { expect, test } from "./fixtures";

test("a vendor admin configures auto-provisioning and finds it saved after a reload", async ({ vendorAdmin: page }) => {
  await page.getByRole("link", { name: /Acme Math Studio/ }).click();
  await expect(page.getByRole("heading", { name: "Provisioning" })).toBeVisible();

  const autoProvisioning = page.getByRole("switch", { name: "Auto-provisioning" });
  const autoApprove = page.getByRole("switch", { name: "Auto-approve" });
  await expect(autoProvisioning).toHaveAttribute("aria-checked", "false");
  await autoProvisioning.click();
  await expect(autoProvisioning).toHaveAttribute("aria-checked", "true");
  await expect(autoApprove).toHaveAttribute("aria-checked", "true");
  await expect(autoApprove).toBeDisabled();

  await page.getByLabel("Webhook URL").fill("https://hooks.acme-learning.example/rollcall");
  await page.getByRole("button", { name: "Add Header" }).click();
  await page.getByRole("button", { name: "Add Header" }).click();
  await page.getByLabel("Header Name").nth(0).fill("X-Temporary");
  await page.getByLabel("Header Value").nth(0).fill("remove me");
  await page.getByLabel("Header Name").nth(1).fill("X-Api-Key");
  await page.getByLabel("Header Value").nth(1).fill("sk_live_8f2c");
  await page.getByLabel("Secret").nth(1).check();
  await page.getByRole("button", { name: "Delete header" }).nth(0).click();
  await expect(page.getByLabel("Header Name")).toHaveCount(1);
  await page.getByLabel("Button label").fill("Start with Acme Math");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Provisioning settings saved.");

  await page.reload();
  await expect(autoProvisioning).toHaveAttribute("aria-checked", "true");
  await expect(autoApprove).toHaveAttribute("aria-checked", "true");
  await expect(autoApprove).toBeDisabled();
  await expect(page.getByLabel("Webhook URL")).toHaveValue("https://hooks.acme-learning.example/rollcall");
  await expect(page.getByLabel("Header Name")).toHaveCount(1);
  await expect(page.getByLabel("Header Name")).toHaveValue("X-Api-Key");
  const secretValue = page.getByLabel("Header Value");
  await expect(secretValue).toHaveValue("");
  await expect(secretValue).toHaveAttribute("type", "password");
  await expect(secretValue).toHaveAttribute("placeholder", /saved/);
  await expect(page.getByLabel("Button label")).toHaveValue("Start with Acme Math");
  await expect(page.getByText("sk_live_8f2c")).toHaveCount(0);

  const history = page.getByRole("complementary");
  await expect(history.getByTestId("last-change")).toContainText("Last changed by Avery Park");
  await expect(history.getByText("Auto-provisioning turned on")).toBeVisible();
  await expect(history.getByText("Header X-Api-Key added (secret)")).toBeVisible();
});

test("an invalid webhook URL shows an error and changes nothing", async ({ vendorAdmin: page }) => {
  await page.getByRole("link", { name: /Acme Reading Lab/ }).click();
  const url = page.getByLabel("Webhook URL");
  await expect(url).toHaveValue("");

  await page.getByRole("switch", { name: "Auto-provisioning" }).click();
  await url.fill("ftp://files.example.com/hook");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Use an https:// URL")).toBeVisible();
  await expect(url).toHaveAttribute("aria-invalid", "true");

  const leaveWarning = page.waitForEvent("dialog");
  const reload = page.reload();
  const dialog = await leaveWarning;
  expect(dialog.type()).toBe("beforeunload");
  await dialog.accept();
  await reload;
  await expect(url).toHaveValue("");
  await expect(page.getByRole("switch", { name: "Auto-provisioning" })).toHaveAttribute("aria-checked", "false");
  await expect(page.getByText("No changes yet.")).toBeVisible();
});

test("another vendor's or an unknown application id is not found", async ({ vendorAdmin: page }) => {
  await page.goto("/apps/00000000-0000-4000-8000-000000000000/provisioning");
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await page.goto("/apps/not-a-uuid/provisioning");
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
});
