import { expect, signIn, test } from "./fixtures";

const LAKEVIEW = "Lakeview Community Schools";
const LAKEVIEW_ADMIN = "admin@lakeview.example";

// The seed's caution, end to end: a district that approves a vendor's request activates the
// application without auto-provisioning, so the vendor's webhook is never called for it.
test("a vendor requests access to a district; the district approves; no webhook is sent", async ({ vendorAdmin: page, receiver, browser }) => {
  // Two browser contexts, and a wait for the demo data's own webhook to be delivered.
  test.setTimeout(90_000);
  await page.getByRole("link", { name: /Acme Science Quest/ }).click();
  await expect(page.getByRole("heading", { name: "Provisioning" })).toBeVisible();
  const applicationId = /\/apps\/([0-9a-f-]{36})\//.exec(page.url())?.[1];
  expect(applicationId).toBeDefined();
  const customersUrl = `/apps/${applicationId}/customers`;

  // Riverside's activation in the demo data sent a webhook to the demo receiver. Once it is
  // delivered nothing retries it, so whatever reaches our receiver later is about Lakeview.
  await page.goto(customersUrl);
  await expect(page.getByRole("heading", { name: "Districts using this application" })).toBeVisible();
  const riverside = page.getByRole("listitem", { name: /Riverside Unified School District/ });
  await expect(async () => {
    await page.reload();
    await expect(riverside).toContainText("Delivered", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(riverside).toContainText("application.activated");
  await expect(riverside.getByRole("link", { name: /View delivery/ })).toHaveAttribute("href", new RegExp(`^/apps/${applicationId}/deliveries/`));
  const lakeviewCustomer = page.getByRole("listitem", { name: new RegExp(LAKEVIEW) });
  await expect(lakeviewCustomer).toHaveCount(0);

  await page.goto(`/apps/${applicationId}/provisioning`);
  await page.getByLabel("Webhook URL").fill(receiver.url);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Provisioning settings saved." })).toBeVisible();

  await page.goto(customersUrl);
  const form = page.getByRole("form", { name: "Request access to a district" });
  await expect(form).toContainText(
    "A district that approves your request activates Acme Science Quest without auto-provisioning: Rollcall will not call your webhook for it. To get auto-provisioning, let the district activate from the Application Gallery.",
  );
  await form.getByRole("button", { name: "Request access" }).click();
  await expect(form.getByText("Choose a district", { exact: true })).toBeVisible();
  await expect(form.getByLabel("District", { exact: true })).toHaveAttribute("aria-invalid", "true");

  await form.getByLabel("District", { exact: true }).selectOption({ label: `${LAKEVIEW} (MI)` });
  await form.getByRole("button", { name: "Request access" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Request sent to ${LAKEVIEW}.` })).toBeVisible();
  const yourRequests = page.getByRole("list", { name: "Your requests" });
  await expect(yourRequests.getByRole("listitem").filter({ hasText: LAKEVIEW })).toContainText("Waiting for the district");
  await expect(form.getByLabel("District", { exact: true }).getByRole("option", { name: new RegExp(LAKEVIEW) })).toHaveCount(0);

  const districtContext = await browser.newContext();
  try {
    const district = await districtContext.newPage();
    await district.goto("/district/applications");
    await signIn(district, LAKEVIEW_ADMIN);
    await expect(district).toHaveURL(/\/district\/applications$/);
    const requests = district.getByRole("region", { name: "Requests from vendors" });
    const ours = requests.getByRole("article", { name: "Acme Learning asks for Acme Science Quest" });
    await ours.getByRole("button", { name: "Approve" }).click();
    await expect(requests.getByText("Approved. Acme Science Quest is activated for your district without auto-provisioning")).toBeVisible();
    await expect(ours).toHaveCount(0);
  } finally {
    await districtContext.close();
  }

  await page.reload();
  await expect(lakeviewCustomer).toContainText("Active");
  await expect(lakeviewCustomer).toContainText("Activated at your request — without auto-provisioning, so no webhook was sent.");
  await expect(lakeviewCustomer.getByRole("link", { name: /View delivery/ })).toHaveCount(0);
  await expect(yourRequests.getByRole("listitem").filter({ hasText: LAKEVIEW })).toHaveCount(0);

  // The worker sends within milliseconds of a commit: after a few seconds, silence means none was queued.
  await page.waitForTimeout(3_000);
  expect(receiver.received).toEqual([]);
});
