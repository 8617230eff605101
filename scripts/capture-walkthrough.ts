// Screenshots for README's walkthrough, taken from a running instance with fresh demo data:
//   ROLLCALL_DATA_DIR=.data/walkthrough PORT=3300 npm start        (in one terminal)
//   npx tsx scripts/capture-walkthrough.ts http://localhost:3300    (in another)
// The whole loop: the vendor's settings and banner, the district's gallery and activation,
// and the webhook arriving at the demo receiver. Images go to docs/walkthrough/.
import { existsSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../prisma/seed/demo-catalog";

const baseURL = process.argv[2] ?? "http://localhost:3000";
const outDir = path.resolve("docs/walkthrough");
const APP = "Brightpath Writing Coach";

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await browser.newPage({ baseURL, viewport: { width: 1200, height: 820 } });
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: "Sign out" }).waitFor();
  return page;
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: path.join(outDir, `${name}.png`) });
  console.log(`docs/walkthrough/${name}.png`);
}

const executablePath = existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
const browser = await chromium.launch({ executablePath });
try {
  const vendor = await signedIn(browser, "admin@brightpath.example");
  await vendor.getByRole("link", { name: new RegExp(APP) }).click();
  await vendor.getByRole("heading", { name: "Provisioning" }).waitFor();
  await shot(vendor, "1-provisioning");

  await vendor.getByRole("link", { name: "Banner", exact: true }).click();
  await vendor.getByRole("button", { name: "Preview in gallery" }).waitFor();
  await shot(vendor, "2-banner");
  await vendor.getByRole("button", { name: "Preview in gallery" }).click();
  await vendor.getByRole("dialog").waitFor();
  await shot(vendor, "3-preview-in-gallery");
  await vendor.getByRole("button", { name: "Close preview" }).click();

  const district = await signedIn(browser, "admin@springfield.example");
  await district.goto("/district/gallery");
  await district.getByRole("heading", { name: "Application Gallery", level: 1 }).waitFor();
  await shot(district, "4-gallery");

  await district.getByRole("article", { name: APP }).getByRole("link", { name: APP }).click();
  await district.getByRole("button", { name: "Add Writing Coach" }).click();
  await district.getByRole("dialog", { name: `Activate ${APP}?` }).waitFor();
  await shot(district, "5-activate");
  await district.getByRole("dialog").getByRole("button", { name: "Add Writing Coach" }).click();
  await district.getByText(/Active since/).waitFor();

  await vendor.getByRole("link", { name: "Deliveries", exact: true }).click();
  const row = vendor.getByRole("row").filter({ hasText: "Springfield" }).first();
  await row.getByRole("cell").filter({ hasText: "Delivered" }).waitFor({ timeout: 15_000 });
  await shot(vendor, "6-deliveries");

  await vendor.getByRole("link", { name: "Customers", exact: true }).click();
  await vendor.getByRole("heading", { level: 2 }).first().waitFor();
  await shot(vendor, "7-customers");
} finally {
  await browser.close();
}
