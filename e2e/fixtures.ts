import { test as base, expect, type Browser, type Page } from "@playwright/test";
import { ScriptedReceiver } from "../test/scripted-receiver";

export const DEMO_PASSWORD = "rollcall-demo";
export const VENDOR_ADMIN = "admin@acme-learning.example";
export const DISTRICT_ADMIN = "admin@springfield.example";

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** A page of a browser context of its own, signed in as the given user (for journeys with two people). */
export async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/sign-in");
  await signIn(page, email);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  return page;
}

export const test = base.extend<{ vendorAdmin: Page; receiver: ScriptedReceiver }>({
  receiver: async ({}, use) => {
    const receiver = await new ScriptedReceiver().start();
    await use(receiver);
    await receiver.stop();
  },
  vendorAdmin: async ({ page }, use) => {
    await page.goto("/sign-in");
    await signIn(page, VENDOR_ADMIN);
    await expect(page.getByRole("heading", { name: "Applications" })).toBeVisible();
    await use(page);
  },
});

export { expect };
