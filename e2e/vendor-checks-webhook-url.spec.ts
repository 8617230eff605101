import { expect, test } from "./fixtures";

// Nothing is saved, and the check never sends a request: the receiver must stay silent.
test("a vendor admin leaves the Webhook URL field and reads where the URL leads", async ({ vendorAdmin: page, receiver }) => {
  await page.getByRole("link", { name: /Acme Math Studio/ }).click();
  await expect(page.getByRole("heading", { name: "Provisioning" })).toBeVisible();
  const webhookUrl = page.getByLabel("Webhook URL");

  await webhookUrl.fill(receiver.url);
  await webhookUrl.press("Tab");
  await expect(page.getByText("127.0.0.1 is a loopback address (the Rollcall server itself)")).toBeVisible();
  await expect(page.getByText(/Plain http:\/\/ is allowed here only because this instance is configured for development\./)).toBeVisible();

  // A changed URL hides the old words until the field is left again.
  const localhostUrl = receiver.url.replace("127.0.0.1", "localhost");
  await webhookUrl.fill(localhostUrl);
  await expect(page.getByText(/127\.0\.0\.1 is a loopback address/)).toBeHidden();
  await webhookUrl.blur();
  await expect(page.getByText(/localhost resolves to (127\.0\.0\.1|::1), a loopback address/)).toBeVisible();

  // An IP address is checked without DNS; nothing is sent to it.
  await webhookUrl.fill("https://10.0.0.5/rollcall");
  await webhookUrl.blur();
  await expect(page.getByText("10.0.0.5 is a private network address; Rollcall only delivers to public and loopback addresses.")).toBeVisible();

  expect(receiver.received).toHaveLength(0);
});

test("a vendor admin finds receiver snippets beside the signing secret", async ({ vendorAdmin: page }) => {
  await page.getByRole("link", { name: /Acme Math Studio/ }).click();
  const snippets = page.getByRole("group").filter({ hasText: "Verify signatures in your receiver" });
  await expect(page.getByRole("button", { name: "Copy Python snippet" })).toBeHidden();
  await page.getByText("Verify signatures in your receiver").click();
  await expect(snippets.getByRole("region", { name: /Node\.js/ })).toContainText('import { Webhook } from "standardwebhooks";');
  await expect(snippets.getByRole("region", { name: /Python/ })).toContainText("from standardwebhooks.webhooks import Webhook");
  await expect(snippets.getByRole("button", { name: "Copy Node.js snippet" })).toBeVisible();
  await expect(snippets.getByRole("button", { name: "Copy Python snippet" })).toBeVisible();
});
