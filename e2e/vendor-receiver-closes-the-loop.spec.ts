import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect, signedIn, test } from "./fixtures";

const BRIGHTPATH_ADMIN = "admin@brightpath.example";
// Lakeview: no other journey activates Writing Coach there, so this one starts from "not in use".
const LAKEVIEW_ADMIN = "admin@lakeview.example";
const LAKEVIEW_GUID = "e7c2b8a5-1d4f-4e9b-8a6c-3b5d7f9e1a23";
const WRITING_COACH = "Brightpath Writing Coach";

const REPO_ROOT = fileURLToPath(new URL("..", import.meta.url));
const TSX = fileURLToPath(new URL("../node_modules/.bin/tsx", import.meta.url));
const RECEIVER = fileURLToPath(new URL("../examples/vendor-receiver/receiver.ts", import.meta.url));

type ReceiverLine = { event: string; [field: string]: unknown };

/** examples/vendor-receiver as a vendor runs it: its own process, its stdout's JSON lines. */
class ReceiverProcess {
  readonly lines: ReceiverLine[] = [];
  stderr = "";
  private exited = false;

  constructor(private readonly child: ChildProcess) {
    let pending = "";
    child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
      pending += chunk;
      const complete = pending.split("\n");
      pending = complete.pop()!;
      for (const line of complete) if (line.trim()) this.lines.push(JSON.parse(line) as ReceiverLine);
    });
    child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (this.stderr += chunk));
    child.on("exit", () => (this.exited = true));
  }

  static start(env: { signingSecret: string; apiKey: string; rollcallUrl: string }): ReceiverProcess {
    const child = spawn(TSX, [RECEIVER, "--port", "0"], {
      cwd: REPO_ROOT,
      env: { ...process.env, ROLLCALL_SIGNING_SECRET: env.signingSecret, ROLLCALL_API_KEY: env.apiKey, ROLLCALL_URL: env.rollcallUrl },
      stdio: ["ignore", "pipe", "pipe"],
    });
    return new ReceiverProcess(child);
  }

  /** The first line that matches, waiting for it; fails at once if the receiver has stopped. */
  async next(matches: (line: ReceiverLine) => boolean, timeout = 30_000): Promise<ReceiverLine> {
    await expect
      .poll(
        () => {
          if (this.exited) throw new Error(`The receiver stopped:\n${this.stderr}`);
          return this.lines.some(matches);
        },
        { timeout },
      )
      .toBe(true);
    return this.lines.find(matches)!;
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise((resolve) => this.child.once("exit", resolve));
    this.child.kill("SIGTERM");
    const timer = setTimeout(() => this.child.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  }
}

/** "2,431 people · 2,000 students · 431 teachers" as { people: 2431, students: 2000, teachers: 431 }. */
function countsIn(text: string): Record<string, number> {
  return Object.fromEntries([...text.matchAll(/(\d[\d,]*) ([a-z]+)/g)].map(([, count, noun]) => [noun, Number(count!.replaceAll(",", ""))]));
}

test("the reference receiver hears a district's activation, reads its whole roster through the Partner and Data APIs, and hears the deactivation", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);

  // The vendor creates a Partner API key (shown once) and reads Writing Coach's signing secret.
  const vendor = await signedIn(browser, BRIGHTPATH_ADMIN);
  await vendor.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API keys" }).click();
  await vendor.getByLabel("Key name").fill("Reference receiver");
  await vendor.getByRole("button", { name: "Create API key" }).click();
  const apiKey = ((await vendor.getByLabel("New API key value").textContent()) ?? "").trim();
  expect(apiKey).toMatch(/^rc_pk_/);

  await vendor.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Applications" }).click();
  await vendor.getByRole("link", { name: new RegExp(WRITING_COACH) }).click();
  await vendor.getByRole("button", { name: "Reveal" }).click();
  const signingSecret = await vendor.getByLabel("Current signing secret").inputValue();
  expect(signingSecret).toMatch(/^whsec_/);

  const receiver = ReceiverProcess.start({ signingSecret, apiKey, rollcallUrl: baseURL! });
  try {
    const { url } = await receiver.next((line) => line.event === "listening");
    const webhookUrl = String(url);
    expect(webhookUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/webhooks$/);

    // It refuses a request that Rollcall did not sign.
    const forged = await fetch(webhookUrl, {
      method: "POST",
      headers: { "content-type": "application/json", "webhook-id": "msg_forged", "webhook-timestamp": String(Math.floor(Date.now() / 1000)), "webhook-signature": "v1,Zm9yZ2Vk" },
      body: JSON.stringify({ type: "application.activated", districtGUID: LAKEVIEW_GUID }),
    });
    expect(forged.status).toBe(401);

    await vendor.getByLabel("Webhook URL").fill(webhookUrl);
    await vendor.getByRole("button", { name: "Save" }).click();
    await expect(vendor.getByRole("status").filter({ hasText: "Provisioning settings saved." })).toBeVisible();

    // The district's roster as Rollcall shows it to the district.
    const district = await signedIn(browser, LAKEVIEW_ADMIN);
    await district.goto("/district");
    const roster = district.getByRole("term").filter({ hasText: /^Roster$/ }).locator("xpath=following-sibling::dd[1]");
    const shown = countsIn((await roster.textContent()) ?? "");
    expect(shown.people, "people in the roster on the district's overview").toBeGreaterThan(0);

    await district.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Application Gallery" }).click();
    await district.getByRole("article", { name: WRITING_COACH }).getByRole("link", { name: WRITING_COACH }).click();
    await district.getByRole("button", { name: "Add Writing Coach" }).click();
    await district.getByRole("dialog", { name: `Activate ${WRITING_COACH}?` }).getByRole("button", { name: "Add Writing Coach" }).click();
    await expect(district.getByRole("status").filter({ hasText: `${WRITING_COACH} is active. Brightpath Education has been notified.` })).toBeVisible();

    // The receiver answered the webhook, then read every user: as many, by role, as the district has.
    const outcome = await receiver.next((line) => line.districtGUID === LAKEVIEW_GUID && line.event.startsWith("roster."), 60_000);
    expect(outcome).toMatchObject({ event: "roster.read", districtName: "Lakeview Community Schools", mode: "standard", users: shown.people });
    const byRole = outcome.byRole as Record<string, number>;
    expect(Object.fromEntries(Object.entries(byRole).map(([role, count]) => [`${role}s`, count]))).toEqual(
      Object.fromEntries(Object.entries(shown).filter(([noun]) => noun !== "people")),
    );
    expect(receiver.stderr).toContain(`${(shown.people ?? 0).toLocaleString("en-US")}/${(shown.people ?? 0).toLocaleString("en-US")} users  100%`);

    // Deactivating reaches the receiver too.
    await district.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My applications" }).click();
    const activation = district.getByRole("article", { name: WRITING_COACH });
    await activation.getByRole("button", { name: "Deactivate" }).click();
    await district.getByRole("dialog", { name: `Deactivate ${WRITING_COACH}?` }).getByRole("button", { name: "Deactivate" }).click();
    await expect(activation).toContainText("Deactivated on");
    expect(await receiver.next((line) => line.event === "application.deactivated")).toMatchObject({ districtGUID: LAKEVIEW_GUID, mode: "standard" });

    // One activation, one roster read.
    expect(receiver.lines.filter((line) => line.event === "roster.read")).toHaveLength(1);
  } finally {
    await receiver.stop();
    await test.info().attach("receiver stderr", { body: receiver.stderr, contentType: "text/plain" });
  }
});
