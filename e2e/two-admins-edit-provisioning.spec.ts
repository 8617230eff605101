import { expect, test } from "./fixtures";

test("the second of two tabs saving the same settings is told to reload, and nothing is overwritten", async ({ vendorAdmin: first }) => {
  await first.getByRole("link", { name: /Acme Math Studio/ }).click();
  const provisioningUrl = /\/apps\/[0-9a-f-]+\/provisioning$/;
  await expect(first).toHaveURL(provisioningUrl);
  const second = await first.context().newPage();
  await second.goto(first.url());

  await first.getByLabel("Button label").fill("Saved first");
  await first.getByRole("button", { name: "Save" }).click();
  await expect(first.getByRole("status").filter({ hasText: "Provisioning settings saved." })).toBeVisible();

  await second.getByLabel("Button label").fill("Saved second");
  await second.getByRole("button", { name: "Save" }).click();
  const conflict = second.getByRole("alert").filter({ hasText: "changed by someone else — reload" });
  await expect(conflict).toBeVisible();

  await conflict.getByRole("button", { name: "Reload" }).click();
  await expect(second.getByLabel("Button label")).toHaveValue("Saved first");
});
