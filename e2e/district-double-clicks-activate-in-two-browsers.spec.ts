import { expect, signedIn, test } from "./fixtures";

const BRIGHTPATH_ADMIN = "admin@brightpath.example";
// Riverside: no other journey activates Writing Coach there, so this one starts from "not in use".
const RIVERSIDE_ADMIN = "admin@riverside.example";
const RIVERSIDE = "Riverside Unified School District";
const RIVERSIDE_GUID = "a3d1f9c4-8e2b-4b6a-b7c5-0f9e4d2a6c12";
const WRITING_COACH = "Brightpath Writing Coach";

test("a district admin double-clicks Activate in two browsers at the same moment: one activation, one webhook", async ({ browser, receiver }) => {
  test.setTimeout(90_000);

  const vendor = await signedIn(browser, BRIGHTPATH_ADMIN);
  await vendor.getByRole("link", { name: new RegExp(WRITING_COACH) }).click();
  await vendor.getByLabel("Webhook URL").fill(receiver.url);
  await vendor.getByRole("button", { name: "Save" }).click();
  await expect(vendor.getByRole("status").filter({ hasText: "Provisioning settings saved." })).toBeVisible();

  // The same admin, signed in on two browsers, has the confirmation open on both.
  const pages = await Promise.all([signedIn(browser, RIVERSIDE_ADMIN), signedIn(browser, RIVERSIDE_ADMIN)]);
  const confirmButtons = [];
  for (const page of pages) {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Application Gallery" }).click();
    await page.getByRole("article", { name: WRITING_COACH }).getByRole("link", { name: WRITING_COACH }).click();
    await page.getByRole("button", { name: "Add Writing Coach" }).click();
    confirmButtons.push(page.getByRole("dialog", { name: `Activate ${WRITING_COACH}?` }).getByRole("button", { name: "Add Writing Coach" }));
  }
  await Promise.all(confirmButtons.map((button) => button.dblclick()));

  // One browser made the activation; the other is told it was already done.
  const outcomes = await Promise.all(
    pages.map(async (page) => {
      const outcome = page.getByRole("status").filter({ hasText: /is active\.|is already active/ });
      await expect(outcome).toBeVisible();
      return outcome.innerText();
    }),
  );
  expect(outcomes.sort()).toEqual([
    `${WRITING_COACH} is active. Brightpath Education has been notified.`,
    `${WRITING_COACH} is already active for your district. Nothing changed.`,
  ]);

  const [district] = pages;
  await district!.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My applications" }).click();
  await expect(district!.getByRole("article", { name: WRITING_COACH })).toHaveCount(1);
  await expect(district!.getByRole("article", { name: WRITING_COACH })).toContainText("Standard");

  // The vendor's deliveries log holds one message for Riverside, delivered once.
  await vendor.getByRole("link", { name: "Deliveries" }).click();
  const riversideRows = vendor.getByRole("row").filter({ hasText: RIVERSIDE });
  await expect(riversideRows).toHaveCount(1);
  await expect(riversideRows).toContainText("application.activated");
  await expect(riversideRows.getByRole("cell").nth(4)).toContainText("Delivered");
  await expect(riversideRows.getByRole("cell").nth(5)).toHaveText("1");
  expect(receiver.received).toHaveLength(1);
  expect(JSON.parse(receiver.received[0]!.body)).toMatchObject({ type: "application.activated", mode: "standard", districtGUID: RIVERSIDE_GUID });
});
