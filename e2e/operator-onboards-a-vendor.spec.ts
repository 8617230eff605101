import { randomUUID } from "node:crypto";
import { DEMO_PASSWORD, expect, signIn, test } from "./fixtures";

const OPERATOR = "operator@rollcall.example";

test("the operator creates a vendor, invites its admin and enables auto-provisioning; the admin sets a password and lands on the vendor's applications", async ({
  page,
  browser,
}) => {
  // Two people, two sign-ins and a password hash: longer than the default on a busy two-core machine.
  test.setTimeout(90_000);
  const vendorName = `Lighthouse Learning ${randomUUID().slice(0, 6)}`;
  const adminEmail = `${randomUUID().slice(0, 8)}@lighthouse.example`;

  await page.goto("/sign-in");
  await signIn(page, OPERATOR, DEMO_PASSWORD);
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Vendors" }).click();

  const create = page.getByRole("form", { name: "Create a vendor" });
  await create.getByRole("button", { name: "Create vendor" }).click();
  await expect(create.getByText("Enter the vendor's name")).toBeVisible();
  await create.getByLabel("Vendor name").fill(vendorName);
  await create.getByRole("button", { name: "Create vendor" }).click();
  await expect(page.getByRole("heading", { name: vendorName })).toBeVisible();
  await expect(page.getByText("No admins yet")).toBeVisible();

  const invite = page.getByRole("form", { name: "Invite an admin" });
  await invite.getByLabel("Name").fill("Morgan Lee");
  await invite.getByLabel("Email").fill(adminEmail);
  await invite.getByRole("button", { name: "Invite admin" }).click();
  const linkPanel = page.getByRole("region", { name: "Invitation link" });
  await expect(linkPanel).toContainText(`pass it on to Morgan Lee (${adminEmail})`);
  const link = (await linkPanel.getByLabel("Invitation link").textContent())!.trim();
  expect(link).toMatch(/\/invite\/\S+$/);
  await expect(page.getByRole("table", { name: "Invitations" }).getByRole("row", { name: new RegExp(adminEmail) })).toContainText("Pending");

  const available = page.getByRole("switch", { name: "Auto-provisioning available" });
  await expect(available).toHaveAttribute("aria-checked", "false");
  await available.click();
  await expect(available).toHaveAttribute("aria-checked", "true");
  await page.reload();
  await expect(available).toHaveAttribute("aria-checked", "true");
  await expect(page.getByText(link)).toHaveCount(0);

  const newAdmin = await (await browser.newContext()).newPage();
  await newAdmin.goto(new URL(link).pathname);
  await expect(newAdmin.getByRole("heading", { name: "Set your password" })).toBeVisible();
  await newAdmin.getByLabel("Password", { exact: true }).fill("lighthouse-keeper-2026");
  await newAdmin.getByLabel("Confirm password").fill("lighthouse-keeper-2026");
  await newAdmin.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(newAdmin.getByRole("heading", { name: "Applications" })).toBeVisible();
  await expect(newAdmin.getByText(vendorName)).toBeVisible();
  await expect(newAdmin.getByText("Your organisation has no applications yet.")).toBeVisible();

  await page.getByRole("link", { name: "← Vendors" }).click();
  await page.getByRole("search", { name: "Search vendors" }).getByLabel("Search vendors").fill(adminEmail);
  await page.getByRole("button", { name: "Search" }).click();
  const row = page.getByRole("row", { name: new RegExp(vendorName) });
  await expect(row).toContainText("Yes");
  await expect(page.getByText("1 vendor match")).toBeVisible();

  // The instance's health is one page away.
  await page.getByRole("link", { name: "Health" }).click();
  await expect(page.getByRole("heading", { name: "Health", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Failing webhook endpoints" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Imports failed in the last 24 hours" })).toBeVisible();
});
