import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { DISTRICT_ADMIN, expect, signIn, test } from "./fixtures";

// The two records are written straight into the browser tests' own database (the embedded
// PostgreSQL `npm start` runs in .data/e2e-<port>), as an import would have left them.
async function withTestDatabase<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const dataDir = path.resolve(`.data/e2e-${process.env.E2E_PORT ?? 3100}/postgres`);
  const port = readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[3]?.trim();
  const client = new pg.Client({ connectionString: `postgresql://rollcall:rollcall@127.0.0.1:${port}/rollcall` });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

type Person = { sourcedId: string; givenName: string; source: string };

async function insertPair(familyName: string, email: string, people: [Person, Person]) {
  await withTestDatabase(async (client) => {
    const { rows } = await client.query<{ districtId: string }>(`SELECT "districtId" FROM "User" WHERE email = $1`, [DISTRICT_ADMIN]);
    const districtId = rows[0]!.districtId;
    for (const [index, person] of people.entries()) {
      await client.query(
        `INSERT INTO "RosterUser" (id, "districtId", "sourcedId", username, "givenName", "familyName", role, email, source, "agentSourcedIds", "orgSourcedIds", grades)
         VALUES ($1, $2, $3, $4, $5, $6, 'student', $7, $8::"PersonSource", '{}', '{}', '{}')`,
        [randomUUID(), districtId, person.sourcedId, person.sourcedId, person.givenName, familyName, index === 0 ? email : email.toUpperCase(), person.source],
      );
    }
    await client.query(
      `INSERT INTO "Enrollment" (id, "districtId", "sourcedId", "userSourcedId", "classSourcedId", "schoolSourcedId", role) VALUES ($1, $2, $3, $4, 'e2e-class', 'e2e-school', 'student')`,
      [randomUUID(), districtId, randomUUID(), people[1].sourcedId],
    );
  });
}

test("a district admin merges two records of one person and sees the survivor known by both sourcedIds", async ({ page }) => {
  test.setTimeout(60_000);
  const suffix = randomUUID().slice(0, 6);
  // "Aa…" sorts this pair first among same-email pairs, whatever the demo roster holds.
  const familyName = `Aardvark-${suffix}`;
  const survivor = { sourcedId: `e2e-keep-${suffix}`, givenName: "Quinn", source: "spreadsheet" };
  const retired = { sourcedId: `e2e-retire-${suffix}`, givenName: "Quincy", source: "oneroster_csv" };
  await insertPair(familyName, `quinn.${suffix}@springfield.example`, [survivor, retired]);

  await page.goto("/sign-in");
  await signIn(page, DISTRICT_ADMIN);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "People" }).click();
  await expect(page.getByRole("heading", { name: "People", level: 1 })).toBeVisible();
  await page.getByLabel("Search people").fill(familyName);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("table", { name: "People" }).getByRole("row")).toHaveCount(3);

  await page.getByRole("link", { name: "Duplicates" }).click();
  await expect(page.getByRole("heading", { name: "Duplicates", level: 1 })).toBeVisible();
  const pair = page.getByRole("region", { name: new RegExp(`Quinn ${familyName} and Quincy ${familyName}|Quincy ${familyName} and Quinn ${familyName}`) });
  await expect(pair).toContainText(`Same email: quinn.${suffix}@springfield.example`);
  await expect(pair).toContainText("Spreadsheet");
  await expect(pair).toContainText("OneRoster file");

  await pair.getByRole("button", { name: "Merge…" }).click();
  const dialog = page.getByRole("dialog", { name: /^Merge / });
  await dialog.getByRole("radio", { name: new RegExp(`Keep Quinn ${familyName}`) }).check();
  // The survivor keeps its own values unless told otherwise: here, the other record's given name.
  await dialog.getByRole("radiogroup", { name: "Given name" }).getByRole("radio", { name: /Quincy/ }).check();
  await dialog.getByRole("button", { name: "Merge records" }).click();

  await expect(page.getByRole("heading", { name: `Quincy ${familyName}`, level: 1 })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/district/people/${survivor.sourcedId}`));
  await expect(page.getByText(`Merged ${retired.sourcedId} into this record.`)).toBeVisible();
  await expect(page.getByText(/Also known as/)).toContainText(retired.sourcedId);
  await expect(page.getByText("1 active", { exact: false })).toBeVisible();

  await page.getByRole("link", { name: retired.sourcedId }).click();
  await expect(page.getByText(/Merged into/)).toContainText(survivor.sourcedId);
  await page.goto("/district/people/duplicates");
  await expect(page.getByRole("heading", { name: "Duplicates", level: 1 })).toBeVisible();
  await expect(page.getByRole("region", { name: new RegExp(familyName) })).toHaveCount(0);
});
