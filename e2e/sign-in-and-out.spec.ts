import { DISTRICT_ADMIN, expect, signIn, test, VENDOR_ADMIN } from "./fixtures";

test("a signed-out visitor is sent to sign-in and back to the page they wanted", async ({ page }) => {
  await page.goto("/apps");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fapps$/);
  await expect(page.getByRole("heading", { name: "Demo logins" })).toBeVisible();

  await signIn(page, VENDOR_ADMIN, "wrong password");
  await expect(page.getByRole("alert").filter({ hasText: "Email or password is incorrect." })).toBeVisible();

  await signIn(page, VENDOR_ADMIN);
  await expect(page).toHaveURL(/\/apps$/);
  await expect(page.getByRole("link", { name: /Acme Math Studio/ })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/apps");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fapps$/);
});

test("a district admin signs in to their district and cannot open vendor pages", async ({ page }) => {
  await page.goto("/");
  await signIn(page, DISTRICT_ADMIN);
  await expect(page.getByRole("heading", { name: "Springfield Public Schools" })).toBeVisible();
  await expect(page.getByText("5b0e6c1e-4f7a-4c2e-9d3b-2a8f1c7e9b01")).toBeVisible();

  await page.goto("/apps");
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
});

test("repeated wrong passwords for one email are throttled", async ({ page }) => {
  await page.goto("/sign-in");
  const incorrect = page.getByRole("alert").filter({ hasText: "Email or password is incorrect." });
  for (let attempt = 0; attempt < 5; attempt++) {
    await signIn(page, "someone@unknown-vendor.example", `guess-${attempt}`);
    await expect(incorrect).toBeVisible();
    await page.reload();
  }
  await signIn(page, "someone@unknown-vendor.example", "another guess");
  await expect(page.getByRole("alert").filter({ hasText: "Too many failed sign-ins for this email" })).toBeVisible();
});
