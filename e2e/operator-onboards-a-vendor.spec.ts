import { randomUUID } from "node:crypto";
import { invitationLinkIn, Mailbox } from "./mailbox";
import { DEMO_PASSWORD, DISTRICT_ADMIN, expect, signIn, signedIn, test } from "./fixtures";

const OPERATOR = "operator@rollcall.example";

test("the operator onboards a vendor by mail; its new admin switches auto-provisioning on; the Health page shows the endpoint failing once it answers 500", async ({
  page,
  browser,
  receiver,
}) => {
  // Three people, four sign-ins, a password hash and a webhook: longer than the default on a busy two-core machine.
  test.setTimeout(180_000);
  const mailbox = await new Mailbox().open();
  try {
    const vendorName = `Lighthouse Learning ${randomUUID().slice(0, 6)}`;
    const applicationName = `Lighthouse Reader ${randomUUID().slice(0, 4)}`;
    const adminEmail = `${randomUUID().slice(0, 8)}@lighthouse.example`;

    // The operator creates the vendor and adds its application.
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

    await expect(page.getByText("No applications yet.")).toBeVisible();
    const addApplication = page.getByRole("form", { name: "Add an application" });
    await addApplication.getByLabel("Application name").fill(applicationName);
    await addApplication.getByLabel("Description").fill("Levelled reading for K-5");
    await addApplication.getByRole("button", { name: "Add application" }).click();
    await expect(page.getByRole("table", { name: "Applications" }).getByRole("row", { name: new RegExp(applicationName) })).toContainText("Not listed");

    // The invitation goes out by mail; the console says so and shows no link.
    const invite = page.getByRole("form", { name: "Invite an admin" });
    await invite.getByLabel("Name").fill("Morgan Lee");
    await invite.getByLabel("Email").fill(adminEmail);
    await invite.getByRole("button", { name: "Invite admin" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Invitation mailed to ${adminEmail}` })).toBeVisible();
    await expect(page.getByRole("region", { name: "Invitation link" })).toHaveCount(0);
    await expect(page.getByRole("table", { name: "Invitations" }).getByRole("row", { name: new RegExp(adminEmail) })).toContainText("Pending");
    await expect.poll(() => mailbox.mailTo(adminEmail)).toBeTruthy();
    const mail = mailbox.mailTo(adminEmail)!;
    expect(mail.text).toContain(`Subject: Your Rollcall account for ${vendorName}`);
    const link = invitationLinkIn(mail);

    const available = page.getByRole("switch", { name: "Auto-provisioning available" });
    await expect(available).toHaveAttribute("aria-checked", "false");
    await available.click();
    await expect(available).toHaveAttribute("aria-checked", "true");
    await page.reload();
    await expect(available).toHaveAttribute("aria-checked", "true");

    // The new admin sets a password from the mailed link, which then works no more.
    const admin = await (await browser.newContext()).newPage();
    await admin.goto(new URL(link).pathname);
    await expect(admin.getByRole("heading", { name: "Set your password" })).toBeVisible();
    await admin.getByLabel("Password", { exact: true }).fill("lighthouse-keeper-2026");
    await admin.getByLabel("Confirm password").fill("lighthouse-keeper-2026");
    await admin.getByRole("button", { name: "Set password and sign in" }).click();
    await expect(admin.getByRole("heading", { name: "Applications" })).toBeVisible();
    const usedAgain = await (await browser.newContext()).newPage();
    await usedAgain.goto(new URL(link).pathname);
    await expect(usedAgain.getByRole("heading", { name: "This invitation has already been used" })).toBeVisible();

    // … switches auto-provisioning on, pointing it at the vendor's receiver, and lists the application.
    await admin.getByRole("link", { name: new RegExp(applicationName) }).click();
    await admin.getByRole("switch", { name: "Auto-provisioning" }).click();
    await admin.getByLabel("Webhook URL").fill(receiver.url);
    await admin.getByRole("button", { name: "Save" }).click();
    await expect(admin.getByRole("status").filter({ hasText: "Provisioning settings saved." })).toBeVisible();
    await expect(admin.getByRole("switch", { name: "Auto-provisioning" })).toHaveAttribute("aria-checked", "true");
    await admin.getByRole("button", { name: "Publish to gallery" }).click();
    await expect(admin.getByText("Listed in the Application Gallery")).toBeVisible();

    // The receiver starts failing; a district activates the application and the webhook gets a 500.
    receiver.answer([], { status: 500, body: "receiver down" });
    const district = await signedIn(browser, DISTRICT_ADMIN);
    await district.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Application Gallery" }).click();
    await district.getByRole("article", { name: applicationName }).getByRole("link", { name: applicationName }).click();
    await district.getByRole("button", { name: "Activate", exact: true }).click();
    await district.getByRole("dialog", { name: `Activate ${applicationName}?` }).getByRole("button", { name: "Activate", exact: true }).click();
    await expect(district.getByRole("status").filter({ hasText: `${applicationName} is active.` })).toBeVisible();
    await expect.poll(() => receiver.received.length).toBeGreaterThanOrEqual(1);

    // The operator's Health page names the failing endpoint and links to the vendor.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Health" }).click();
    await expect(page.getByRole("heading", { name: "Health", level: 1 })).toBeVisible();
    const failing = page.getByRole("region", { name: "Failing webhook endpoints" }).getByRole("link", { name: new RegExp(`${vendorName} · ${applicationName}`) });
    await expect(failing).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole("region", { name: "Failing webhook endpoints" })).toContainText("last answer 500");
    await failing.click();
    await expect(page.getByRole("heading", { name: vendorName })).toBeVisible();

    // The audit log, filtered to the new vendor, holds the operator's and the new admin's changes.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
    const filters = page.getByRole("search", { name: "Filter the audit log" });
    await filters.getByLabel("Tenant").selectOption({ label: vendorName });
    await filters.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/[?&]tenant=/);
    await expect(page.getByRole("table", { name: "Audit events, newest first" }).getByRole("row").filter({ hasText: "Brightpath" })).toHaveCount(0);
    const events = page.getByRole("table", { name: "Audit events, newest first" });
    const row = (action: string) => events.getByRole("row").filter({ hasText: action });
    await expect(row("vendor.auto_provisioning_enabled")).toContainText(OPERATOR);
    await expect(row("provisioning.settings_changed")).toContainText(adminEmail);
    await expect(events.getByRole("row").filter({ hasText: "activation" })).toHaveCount(0);
  } finally {
    await mailbox.close();
  }
});
