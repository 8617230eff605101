// A district connects its SAML identity provider, adds an account-type rule and turns on
// just-in-time provisioning; a new teacher signs in through it, lands on My apps, exists in the
// roster with the role the CONTAINS rule gave, is not changed by a second sign-in, and opens an application whose receiver (the
// very snippet the vendor's Sign-in tab shows) verifies the launch token and refuses a replay.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "@playwright/test";
import { DISTRICTS } from "../prisma/seed/demo-catalog";
import { createLaunchVerifier } from "../lib/launch/receiver-snippet.mjs";
import { createIdpKeys } from "../test/saml-idp/keys";
import { startTestIdp, type TestIdp } from "../test/saml-idp/server";
import { expect, signedIn, test, VENDOR_ADMIN } from "./fixtures";

const LAKEVIEW = "Lakeview Community Schools";
const LAKEVIEW_GUID = DISTRICTS.find((district) => district.name === LAKEVIEW)!.districtGuid;
const LAKEVIEW_ADMIN = "admin@lakeview.example";
const DOMAIN = "lakeview.k12.example";
const APPLICATION = "Acme Reading Lab";

type LaunchReceiver = { url: string; close(): Promise<void> };

/** The vendor's side: verifies each launch token with the receiver snippet and greets the person. */
async function startLaunchReceiver(verify: (token: string) => Promise<Record<string, unknown>>): Promise<LaunchReceiver> {
  const server: Server = createServer((request, response) => {
    const token = new URL(request.url ?? "/", "http://receiver").searchParams.get("launch_token") ?? "";
    verify(token).then(
      (claims) => {
        const name = claims.name as string;
        response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(`<h1>Welcome, ${name}</h1><p>Role: ${claims.role as string}</p>`);
      },
      (error: Error) => response.writeHead(401, { "content-type": "text/html; charset=utf-8" }).end(`<h1>Launch refused</h1><p>${error.message}</p>`),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/launch`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function signInAtIdp(page: Page, person: { email: string; givenName: string; familyName: string; uid: string; affiliation: string }) {
  await expect(page.getByRole("heading", { name: "Test identity provider" })).toBeVisible();
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Given name").fill(person.givenName);
  await page.getByLabel("Family name").fill(person.familyName);
  await page.getByLabel("Username (uid)").fill(person.uid);
  await page.getByLabel("Affiliation").fill(person.affiliation);
  await page.getByRole("button", { name: "Sign in" }).click();
}

let idp: TestIdp;

test.beforeAll(async () => {
  idp = await startTestIdp({ keys: await createIdpKeys() });
});

test.afterAll(async () => {
  await idp.close();
});

test("a new teacher signs in with the district's identity provider, is created once, and opens an app with a launch token", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);

  // The vendor points the application's launch at its receiver.
  const vendor = await signedIn(browser, VENDOR_ADMIN);
  await vendor.getByRole("link", { name: APPLICATION }).click();
  await vendor.getByRole("link", { name: "Sign-in" }).click();
  await expect(vendor).toHaveURL(/\/apps\/[0-9a-f-]+\/sign-in$/);
  const applicationId = /\/apps\/([0-9a-f-]+)\/sign-in$/.exec(vendor.url())![1]!;
  const receiver = await startLaunchReceiver(
    createLaunchVerifier({ jwksUrl: `${baseURL}/.well-known/jwks.json`, issuer: baseURL!, audience: applicationId }),
  );
  try {
    await vendor.getByLabel("Launch URL").fill(receiver.url);
    await vendor.getByRole("button", { name: "Save" }).click();
    await expect(vendor.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();

    // The district admin connects the identity provider from its metadata URL.
    const admin = await signedIn(browser, LAKEVIEW_ADMIN);
    await admin.getByRole("link", { name: "Single sign-on" }).click();
    await admin.getByRole("radio", { name: /Metadata URL/ }).check();
    await admin.getByRole("textbox", { name: "Metadata URL" }).fill(idp.metadataUrl);
    await admin.getByRole("button", { name: "Fetch and save" }).click();
    await expect(admin.getByText("Saved identity provider")).toBeVisible();
    await expect(admin.getByText(idp.entityId).first()).toBeVisible();

    // Affiliation is scoped: the district's domain must be listed for its values to count.
    const mapping = admin.getByRole("form", { name: "Attribute mapping" });
    await mapping.getByRole("textbox", { name: "Add a domain" }).fill(DOMAIN);
    await mapping.getByRole("button", { name: "Add domain" }).click();
    await mapping.getByRole("button", { name: "Save" }).click();
    await expect(mapping.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();

    // A rule of the district's own: instructors are teachers, whatever else they are.
    const rules = admin.getByRole("form", { name: "Account-type rules" });
    await rules.getByRole("button", { name: "Add rule" }).click();
    await rules.getByLabel("Rule 5: kind").selectOption({ label: "CONTAINS" });
    await rules.getByLabel("Rule 5: value").fill("instructor");
    await rules.getByLabel("Rule 5: account type").selectOption("Teacher");
    const tryIt = rules.getByRole("region", { name: "Try it" });
    await tryIt.getByLabel("Attribute values").fill("member, instructor");
    await expect(tryIt).toContainText("CONTAINS instructor");
    await expect(tryIt).toContainText("Teacher");
    await rules.getByRole("button", { name: "Save" }).click();
    await expect(rules.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();

    const switches = admin.getByRole("form", { name: "Sign-in switches" });
    await switches.getByRole("switch", { name: "Allow sign-in" }).click();
    await switches.getByRole("switch", { name: "Just-in-time provisioning" }).click();
    await switches.getByRole("button", { name: "Save" }).click();
    await expect(switches.getByRole("status").filter({ hasText: "Your people can sign in" })).toBeVisible();

    // A teacher nobody has provisioned finds the district and signs in.
    const teacher = await (await browser.newContext()).newPage();
    await teacher.goto("/sign-in");
    await teacher.getByRole("link", { name: "Sign in with your school account" }).click();
    await teacher.getByLabel("Your school district").fill("Lakeview");
    await teacher.getByRole("button", { name: "Find" }).click();
    await teacher.getByRole("link", { name: new RegExp(LAKEVIEW) }).click();
    const dana = { email: `dana.whitfield@${DOMAIN}`, givenName: "Dana", familyName: "Whitfield", uid: "dwhitfield", affiliation: `member@${DOMAIN}, instructor@${DOMAIN}` };
    await signInAtIdp(teacher, dana);
    await expect(teacher.getByRole("heading", { name: "My apps" })).toBeVisible();
    await expect(teacher.getByText("Dana Whitfield")).toBeVisible();
    await expect(teacher.getByRole("article", { name: APPLICATION })).toBeVisible();

    // Created in the roster the vendors read, as a teacher, from SSO.
    await admin.goto("/district/people?q=Whitfield");
    const row = admin.getByRole("row").filter({ hasText: "Whitfield" });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("Teacher");
    await admin.goto("/district/sso");
    await expect(admin.getByRole("table").getByRole("row").filter({ hasText: dana.email }).first()).toContainText(/created/i);

    // Signing in again with a changed attribute changes nothing (just-in-time only creates).
    await teacher.getByRole("button", { name: "Sign out" }).click();
    await teacher.goto(`/sso/${LAKEVIEW_GUID}`);
    await signInAtIdp(teacher, { ...dana, givenName: "Danielle" });
    await expect(teacher.getByRole("heading", { name: "My apps" })).toBeVisible();
    await expect(teacher.getByText("Dana Whitfield")).toBeVisible();
    await expect(teacher.getByText("Danielle")).toHaveCount(0);

    // Opening the app reaches the vendor with a token that verifies against the JWKS…
    await teacher.getByRole("link", { name: APPLICATION }).click();
    await expect(teacher.getByRole("heading", { name: "Welcome, Dana Whitfield" })).toBeVisible();
    await expect(teacher.getByText("Role: teacher")).toBeVisible();
    // …once: the same token again is refused.
    await teacher.reload();
    await expect(teacher.getByRole("heading", { name: "Launch refused" })).toBeVisible();
    await expect(teacher.getByText(/already used/i)).toBeVisible();
  } finally {
    await receiver.close();
  }
});

