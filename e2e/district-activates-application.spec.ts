import { Webhook } from "standardwebhooks";
import type { ReceivedRequest } from "../test/scripted-receiver";
import { DISTRICT_ADMIN, expect, signedIn, test } from "./fixtures";

const BRIGHTPATH_ADMIN = "admin@brightpath.example";
const RIVERSIDE_ADMIN = "admin@riverside.example";
const SPRINGFIELD_GUID = "5b0e6c1e-4f7a-4c2e-9d3b-2a8f1c7e9b01";
const WRITING_COACH = "Brightpath Writing Coach";

/** The event in a request the receiver got, after checking its Standard Webhooks signature. */
function verified(webhook: Webhook, request: ReceivedRequest | undefined): Record<string, unknown> {
  if (!request) throw new Error("no request received");
  const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, String(value)]));
  return webhook.verify(request.body, headers) as Record<string, unknown>;
}

test("a district admin starts a trial from a banner, activates and deactivates: the vendor hears each once, signed", async ({ browser, receiver }) => {
  test.setTimeout(90_000);

  // The vendor points Writing Coach's webhook at the receiver and reads its signing secret.
  const vendor = await signedIn(browser, BRIGHTPATH_ADMIN);
  await vendor.getByRole("link", { name: new RegExp(WRITING_COACH) }).click();
  await vendor.getByLabel("Webhook URL").fill(receiver.url);
  await vendor.getByRole("button", { name: "Save" }).click();
  await expect(vendor.getByRole("status").filter({ hasText: "Provisioning settings saved." })).toBeVisible();
  await vendor.getByRole("button", { name: "Reveal" }).click();
  const webhook = new Webhook(await vendor.getByLabel("Current signing secret").inputValue());

  const page = await signedIn(browser, DISTRICT_ADMIN);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Application Gallery" }).click();
  await expect(page.getByRole("heading", { name: "Application Gallery", level: 1 })).toBeVisible();

  // The banner's call-to-action starts a trial, after naming what and whose.
  const banner = page.getByRole("region", { name: `Promotion: ${WRITING_COACH}` });
  await banner.getByRole("button", { name: "Try it free" }).click();
  const trialDialog = page.getByRole("dialog", { name: `Start a trial of ${WRITING_COACH}?` });
  await expect(trialDialog).toContainText("Brightpath Education");
  await expect(trialDialog.getByRole("button", { name: "Start trial" })).toBeFocused();
  await trialDialog.getByRole("button", { name: "Start trial" }).click();
  await expect(trialDialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "Trial started. Brightpath Education has been notified." })).toBeVisible();

  await expect.poll(() => receiver.received.length).toBe(1);
  expect(verified(webhook, receiver.received[0])).toMatchObject({ type: "application.activated", mode: "trial", districtGUID: SPRINGFIELD_GUID });

  const card = page.getByRole("article", { name: WRITING_COACH });
  await expect(card).toContainText("Trial since");
  // The banner no longer offers a trial to a district that has one.
  await expect(banner).toContainText("Trial since");
  await expect(banner.getByRole("button", { name: "Try it free" })).toHaveCount(0);

  // The application page offers the vendor's button to turn the trial into a standard activation.
  await card.getByRole("link", { name: WRITING_COACH }).click();
  await expect(page.getByRole("heading", { name: WRITING_COACH, level: 1 })).toBeVisible();
  await expect(page.getByText("by Brightpath Education", { exact: true })).toBeVisible();
  await expect(page.getByText(/Trial since/)).toBeVisible();
  await page.getByRole("button", { name: "Add Writing Coach" }).click();
  const activateDialog = page.getByRole("dialog", { name: `Turn your trial of ${WRITING_COACH} into a standard activation?` });
  await activateDialog.getByRole("button", { name: "Add Writing Coach" }).dblclick();
  await expect(page.getByRole("status").filter({ hasText: "is now fully active, no longer a trial. Brightpath Education has been notified." })).toBeVisible();
  await expect(page.getByText(/Active since/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Add Writing Coach" })).toHaveCount(0);

  // A double click is still one activation: one standard webhook, and no other after a while.
  await expect.poll(() => receiver.received.length).toBe(2);
  expect(verified(webhook, receiver.received[1])).toMatchObject({ type: "application.activated", mode: "standard", districtGUID: SPRINGFIELD_GUID });
  await page.waitForTimeout(3_000);
  expect(receiver.received).toHaveLength(2);

  // My applications: deactivating, after a confirmation that starts on Cancel.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My applications" }).click();
  const activation = page.getByRole("article", { name: WRITING_COACH });
  await expect(activation).toContainText("Standard");
  await expect(activation).toContainText("Activated by your district");
  await activation.getByRole("button", { name: "Deactivate" }).click();
  const deactivateDialog = page.getByRole("dialog", { name: `Deactivate ${WRITING_COACH}?` });
  await expect(deactivateDialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await deactivateDialog.getByRole("button", { name: "Deactivate" }).click();
  await expect(page.getByRole("status").filter({ hasText: `${WRITING_COACH} is deactivated. Brightpath Education has been notified.` })).toBeVisible();
  await expect(activation).toContainText("Deactivated on");
  await expect(activation.getByRole("button", { name: "Deactivate" })).toHaveCount(0);

  await expect.poll(() => receiver.received.length).toBe(3);
  expect(verified(webhook, receiver.received[2])).toMatchObject({ type: "application.deactivated", mode: "standard", districtGUID: SPRINGFIELD_GUID });
});

test("a district admin finds applications by name, and unpublished ones do not exist for them", async ({ browser }) => {
  const page = await signedIn(browser, DISTRICT_ADMIN);
  await page.goto("/district/gallery");

  const search = page.getByRole("searchbox", { name: "Search applications" });
  const count = page.getByRole("status").filter({ hasText: /application/ });
  await search.fill("attendance");
  await expect(page.getByRole("article")).toHaveCount(1);
  await expect(page.getByRole("article", { name: "Brightpath Attendance" })).toBeVisible();
  await expect(count).toContainText(/^1 of \d+ applications matches “attendance”\.$/);

  await search.fill("no such app");
  await expect(page.getByRole("article")).toHaveCount(0);
  await expect(page.getByText("No match for “no such app”")).toBeVisible();
  await expect(count).toHaveText("No application matches “no such app”.");
  await page.getByRole("button", { name: "Clear search" }).click();
  await expect(search).toBeFocused();
  await expect(search).toHaveValue("");
  await expect(page.getByRole("article", { name: "Acme Math Studio" })).toBeVisible();
  await expect(page.getByRole("article", { name: "Brightpath Labs Preview" })).toHaveCount(0);

  // Keyboard: from the search box, Tab reaches the first card's link.
  await search.focus();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Acme Math Studio" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Acme Math Studio", level: 1 })).toBeVisible();
  // Acme Math Studio keeps the default label.
  await expect(page.getByRole("button", { name: "Activate" })).toBeVisible();

  const response = await page.goto("/district/gallery/00000000-0000-4000-8000-000000000000");
  expect(response?.status()).toBe(404);
  expect((await page.goto("/district/gallery/not-an-id"))?.status()).toBe(404);
});

// Riverside, whose demo data already has Acme Science Quest active: Springfield's banners
// stay as the other journeys expect them.
test("a district admin revokes one school's access: automatically approved with auto-approve, otherwise waiting for the vendor", async ({ browser }) => {
  test.setTimeout(60_000);
  const page = await signedIn(browser, RIVERSIDE_ADMIN);

  // Brightpath Attendance has no auto-provisioning, so no auto-approve either.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Application Gallery" }).click();
  await page.getByRole("link", { name: "Brightpath Attendance" }).click();
  await page.getByRole("button", { name: "Activate" }).click();
  const dialog = page.getByRole("dialog", { name: "Activate Brightpath Attendance?" });
  await expect(dialog).toContainText("Brightpath Education does not set districts up automatically");
  await dialog.getByRole("button", { name: "Activate" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Brightpath Attendance is active. Brightpath Education was not notified automatically" })).toBeVisible();
  await expect(page.getByText(/Active since/)).toBeVisible();

  await page.getByRole("link", { name: "Manage it in My applications" }).click();
  // Science Quest's auto-provisioning forces auto-approve on.
  const scienceQuest = page.getByRole("article", { name: "Acme Science Quest" });
  await expect(scienceQuest).toContainText("Acme Learning receives the data of all 3 of your schools.");
  await scienceQuest.getByLabel("School", { exact: true }).selectOption("Canyon View Middle School");
  await scienceQuest.getByRole("button", { name: "Revoke access" }).click();
  await expect(scienceQuest.getByRole("status")).toContainText("Approved automatically: Acme Learning no longer receives Canyon View Middle School's data.");
  await expect(scienceQuest.getByRole("listitem").filter({ hasText: "Canyon View Middle School" })).toContainText("Access revoked");

  const attendance = page.getByRole("article", { name: "Brightpath Attendance" });
  await attendance.getByRole("button", { name: "Revoke access" }).click();
  await expect(attendance.getByText("Choose a school.")).toBeVisible();
  await attendance.getByLabel("School", { exact: true }).selectOption("Riverside High School");
  await attendance.getByRole("button", { name: "Revoke access" }).click();
  await expect(attendance.getByRole("status")).toContainText("Waiting for Brightpath Education to approve revoking access to Riverside High School.");
  await expect(attendance.getByRole("listitem").filter({ hasText: "Riverside High School" })).toContainText("Waiting for approval");
  await expect(attendance.getByRole("option", { name: "Riverside High School (waiting for approval)" })).toBeDisabled();
});
