import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
// Debian's Chromium when installed (CI, these machines); Playwright's own browser elsewhere.
const systemChromium = "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  // The specs share one server and its database; on two cores one worker is also the fastest.
  workers: 1,
  forbidOnly: true,
  reporter: [["list"]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: existsSync(systemChromium)
      ? {
          executablePath: systemChromium,
          args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        }
      : {},
  },
  webServer: {
    command: "tsx scripts/e2e-server.ts",
    url: `${baseURL}/sign-in`,
    timeout: 480_000,
    reuseExistingServer: false,
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    stdout: "pipe",
    // One data folder per port, so two runs on different ports never share a database. Mail
    // goes to the journeys' own SMTP server on loopback (e2e/mailbox.ts).
    env: { PORT: String(port), ROLLCALL_DATA_DIR: `.data/e2e-${port}`, SMTP_URL: `smtp://127.0.0.1:${port + 21_000}` },
  },
});
