import { solidPng } from "../lib/banners/test-images";
import { DISTRICT_ADMIN, expect, signIn, test } from "./fixtures";

const HEADLINE = "Labs that spark questions";

test("a vendor admin builds a banner with a live preview, previews it in the gallery and saves it; a district then sees it", async ({
  vendorAdmin: page,
  browser,
}) => {
  test.setTimeout(60_000);
  await page.getByRole("link", { name: /Acme Science Quest/ }).click();
  await page.getByRole("navigation", { name: "Application settings" }).getByRole("link", { name: "Banner" }).click();
  await expect(page.getByRole("heading", { name: "Banner", exact: true })).toBeVisible();

  const preview = page.getByRole("region", { name: "Live preview" });
  const previewHeadline = preview.getByRole("region", { name: "Promotion: Acme Science Quest" }).getByRole("heading");
  const headline = page.getByLabel("Headline");
  // The demo banner is shown (another run of this journey may have saved its own headline).
  const savedHeadline = await headline.inputValue();
  expect(savedHeadline).not.toBe("");
  await expect(previewHeadline).toHaveText(savedHeadline);
  await expect(page.getByRole("switch", { name: "Show a promotion banner" })).toBeChecked();

  // The preview follows every keystroke.
  await headline.fill("");
  await headline.pressSequentially("Labs that");
  await expect(previewHeadline).toHaveText("Labs that");
  await headline.pressSequentially(" spark questions");
  await expect(previewHeadline).toHaveText(HEADLINE);
  await expect(page.getByText(`${HEADLINE.length}/80`)).toBeVisible();
  await page.getByLabel("Call-to-action label").fill("Try the labs free");
  await expect(preview.getByRole("button", { name: "Try the labs free" })).toBeVisible();

  // An accent too close to the dark background is refused, with its ratio.
  const accent = page.getByLabel("Accent colour", { exact: true });
  const contrast = page.getByRole("status", { name: "Contrast check" });
  await accent.fill("#1f4d7a");
  await expect(contrast).toContainText(/Fails WCAG AA\. Accent on background is 1\.\d\d:1; WCAG AA needs at least 4\.5:1\. Pick a lighter accent or a darker background\./);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Check the highlighted fields. Nothing was saved." })).toBeVisible();
  await expect(accent).toHaveAttribute("aria-invalid", "true");
  await accent.fill("#ffe9a8");
  await expect(contrast).toContainText(/Passes WCAG AA\. Accent on background is \d+\.\d\d:1/);
  await expect(previewHeadline).toHaveCSS("color", "rgb(255, 233, 168)");

  // A text file named .png is refused by its content, a file over 1 MB by its size; a real PNG is taken and previewed.
  const imageInput = page.getByLabel("Banner image");
  await imageInput.setInputFiles({ name: "lab-photo.png", mimeType: "image/png", buffer: Buffer.from("Just text, renamed to look like a picture.") });
  await expect(page.getByRole("alert").filter({ hasText: "This file is not a PNG, JPEG or WebP image" })).toContainText(
    "Choose an image in one of those formats.",
  );
  await imageInput.setInputFiles({ name: "poster.png", mimeType: "image/png", buffer: Buffer.alloc(1024 * 1024 + 1) });
  await expect(page.getByRole("alert").filter({ hasText: "This image is larger than 1 MB." })).toBeVisible();
  await imageInput.setInputFiles({ name: "lab.png", mimeType: "image/png", buffer: solidPng(160, 90, [255, 209, 102]) });
  await expect(page.getByText("160 × 90 pixels")).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: /not a PNG|larger than 1 MB/ })).toHaveCount(0);
  const previewImage = preview.locator("img");
  await expect.poll(() => previewImage.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(160);

  // The whole gallery, as a district sees it, with the draft first in place of the live banner.
  await page.getByRole("button", { name: "Preview in gallery" }).click();
  const dialog = page.getByRole("dialog", { name: "Gallery preview" });
  await expect(dialog).toBeVisible();
  const featured = dialog.getByRole("region", { name: "Featured" });
  await expect(featured.getByRole("region").first()).toContainText(HEADLINE);
  await expect(featured).toContainText("Try Writing Coach with your teachers this term");
  await expect(featured.getByRole("region", { name: "Promotion: Acme Science Quest" })).toHaveCount(1);
  await expect(dialog.getByRole("article", { name: "Brightpath Attendance" })).toBeVisible();
  await expect(dialog.getByRole("article", { name: "Acme Math Studio" })).toBeVisible();
  await dialog.getByRole("button", { name: "Close preview" }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Banner saved. Districts see it in the gallery now." })).toBeVisible();
  await expect(page.getByText("Unsaved changes")).toHaveCount(0);

  const districtContext = await browser.newContext();
  try {
    const district = await districtContext.newPage();
    await district.goto("/district/gallery");
    await signIn(district, DISTRICT_ADMIN);
    await expect(district.getByRole("heading", { name: "Application Gallery", level: 1 })).toBeVisible();
    const banner = district.getByRole("region", { name: "Promotion: Acme Science Quest" });
    await expect(banner.getByRole("heading", { name: HEADLINE })).toBeVisible();
    await expect(banner.getByRole("button", { name: "Try the labs free" })).toBeVisible();
    await expect.poll(() => banner.locator("img").evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(160);
  } finally {
    await districtContext.close();
  }
});

test("without auto-provisioning the Show switch is off and disabled, saying why and where to turn it on", async ({ vendorAdmin: page }) => {
  await page.getByRole("link", { name: /Acme Math Studio/ }).click();
  await page.getByRole("navigation", { name: "Application settings" }).getByRole("link", { name: "Banner" }).click();

  const show = page.getByRole("switch", { name: "Show a promotion banner" });
  await expect(show).toBeDisabled();
  await expect(show).not.toBeChecked();
  await expect(show).toHaveAccessibleDescription(/Available while auto-provisioning is on, because the banner's button starts a trial through your webhook/);
  await page.getByRole("link", { name: "Turn on auto-provisioning on the Provisioning tab" }).click();
  await expect(page.getByRole("switch", { name: "Auto-provisioning" })).toBeVisible();
});
