import { DISTRICT_ADMIN, expect, signIn, test } from "./fixtures";

const TOKEN_NAME = "SIS nightly sync";

test("a district admin creates an API token, their system upserts people with it, and a revoked token is refused", async ({ page, request }) => {
  test.setTimeout(60_000);
  await page.goto("/sign-in");
  await signIn(page, DISTRICT_ADMIN);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Imports" }).click();
  await page.getByRole("navigation", { name: "Imports" }).getByRole("link", { name: "API tokens" }).click();
  await expect(page.getByRole("heading", { name: "Upsert API", level: 2 })).toBeVisible();

  const endpoint = ((await page.getByLabel("Endpoint URL", { exact: true }).textContent()) ?? "").trim();
  expect(endpoint).toMatch(/^http:\/\/localhost:\d+\/api\/district\/v1\/people$/);

  // A blank name is refused in the form, with what to write instead.
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByText("Name the token after the system that will use it")).toBeVisible();

  await page.getByLabel("Token name").fill(TOKEN_NAME);
  await page.getByRole("button", { name: "Create token" }).click();
  const created = page.getByRole("region", { name: "New API token" });
  await expect(created).toContainText("you will not see it again");
  const token = ((await created.getByLabel("New API token value").textContent()) ?? "").trim();
  expect(token).toMatch(/^rc_dist_/);
  const tokenRow = page.getByRole("table", { name: "People API tokens" }).getByRole("row").filter({ hasText: TOKEN_NAME });
  await expect(tokenRow).toContainText("Never");

  await page.reload();
  await expect(tokenRow).toBeVisible();
  await expect(page.getByText(token)).toHaveCount(0);

  // The district's system sends two people, then the same request again.
  const stamp = Date.now();
  const body = {
    people: [
      { netid: `e2e-${stamp}-1`, email: `ada.${stamp}@springfield.example`, first_name: "Ada", last_name: "Lovelace", account_type: "Student", graduation_year: 2031 },
      { netid: `e2e-${stamp}-2`, email: `alan.${stamp}@springfield.example`, first_name: "Alan", last_name: "Turing", account_type: "Teacher", nickname: "AT" },
    ],
  };
  const send = (headers: Record<string, string> = {}) => request.post(endpoint, { headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...headers }, data: JSON.stringify(body) });
  const first = await send();
  expect(first.status()).toBe(200);
  const answer = await first.json();
  expect(answer.results).toEqual([
    { index: 0, outcome: "created", matchedBy: null, sourcedId: expect.any(String), errors: [] },
    { index: 1, outcome: "error", matchedBy: null, sourcedId: null, errors: [{ field: "nickname", message: expect.stringContaining("Unknown property “nickname”") }] },
  ]);
  expect((await (await send()).json()).results[0]).toMatchObject({ outcome: "unchanged", matchedBy: "netid", sourcedId: answer.results[0].sourcedId });
  expect((await send({ "content-type": "text/plain" })).status()).toBe(415);

  await page.reload();
  await expect(tokenRow).not.toContainText("Never");

  await tokenRow.getByRole("button", { name: "Revoke…" }).click();
  await tokenRow.getByRole("group", { name: `Confirm revoking ${TOKEN_NAME}` }).getByRole("button", { name: `Revoke ${TOKEN_NAME}` }).click();
  await expect(tokenRow).toContainText("Revoked");
  const refused = await send();
  expect(refused.status()).toBe(401);
  expect(refused.headers()["www-authenticate"]).toMatch(/^Bearer /);
});
