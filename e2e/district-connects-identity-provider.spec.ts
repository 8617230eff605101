import { DISTRICT_ADMIN, expect, signIn, test } from "./fixtures";

const TOKEN_NAME = "Microsoft Entra ID";

test("a district admin connects an identity provider: a token shown once, its requests in the log, refused once revoked", async ({ page, request }) => {
  test.setTimeout(60_000);
  await page.goto("/sign-in");
  await signIn(page, DISTRICT_ADMIN);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Identity sync" }).click();
  await expect(page.getByRole("heading", { name: "Identity sync", level: 1 })).toBeVisible();
  const log = page.getByRole("region", { name: "Provisioning log" });
  await expect(log).toContainText("Paste the Tenant URL and a token into your identity provider's provisioning settings");

  const tenantUrl = ((await page.getByLabel("Tenant URL").textContent()) ?? "").trim();
  expect(tenantUrl).toMatch(/^http:\/\/localhost:\d+\/scim\/v2$/);

  // The secret is shown once, to be copied into the identity provider.
  await page.getByLabel("Token name").fill(TOKEN_NAME);
  await page.getByRole("button", { name: "Create token" }).click();
  const created = page.getByRole("region", { name: "New token" });
  await expect(created).toContainText("you will not see it again");
  const token = ((await created.getByLabel("New token value").textContent()) ?? "").trim();
  expect(token).toMatch(/^rc_scim_/);
  const tokens = page.getByRole("table", { name: "SCIM tokens" });
  const tokenRow = tokens.getByRole("row").filter({ hasText: TOKEN_NAME });
  await expect(tokenRow).toContainText("Never");

  await page.reload();
  await expect(page.getByRole("heading", { name: "Identity sync", level: 1 })).toBeVisible();
  await expect(tokenRow).toBeVisible();
  await expect(page.getByRole("region", { name: "New token" })).toHaveCount(0);
  await expect(page.getByText(token)).toHaveCount(0);

  // The identity provider's Test Connection: a filter on a userName nobody has.
  const userName = `test-connection-${Date.now()}@springfield.example`;
  const testConnection = () =>
    request.get(`${tenantUrl}/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`, { headers: { authorization: `Bearer ${token}` } });
  const answer = await testConnection();
  expect(answer.status()).toBe(200);
  expect(await answer.json()).toMatchObject({ totalResults: 0 });

  await page.reload();
  const logRow = log.getByRole("row").filter({ hasText: TOKEN_NAME });
  await expect(logRow).toHaveCount(1);
  await expect(logRow).toContainText("List User");
  await expect(logRow).toContainText("Success · 200");
  await expect(tokenRow).not.toContainText("Never");

  // The log's filters: no failures yet, and "All" brings the request back.
  await log.getByLabel("Outcome").selectOption({ label: "Failed" });
  await expect(log).toContainText("No requests match these filters.");
  await expect(logRow).toHaveCount(0);
  await log.getByLabel("Outcome").selectOption({ label: "All" });
  await expect(logRow).toHaveCount(1);

  await tokenRow.getByRole("button", { name: "Revoke…" }).click();
  await tokenRow.getByRole("group", { name: `Confirm revoking ${TOKEN_NAME}` }).getByRole("button", { name: `Revoke ${TOKEN_NAME}` }).click();
  await expect(tokenRow).toContainText("Revoked");
  await expect(tokenRow.getByRole("button", { name: "Revoke…" })).toHaveCount(0);

  const refused = await testConnection();
  expect(refused.status()).toBe(401);
});
