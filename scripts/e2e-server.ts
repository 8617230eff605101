// The browser tests' server: `npm start` on a data folder of its own, emptied first, so
// every run begins from the demo data and never meets a developer's database.
import { rmSync } from "node:fs";
import path from "node:path";

const dataDir = process.env.ROLLCALL_DATA_DIR;
if (!dataDir || !path.resolve(dataDir).includes(`${path.sep}.data${path.sep}`)) {
  throw new Error("Set ROLLCALL_DATA_DIR to a folder under .data/ for the browser tests.");
}
delete process.env.DATABASE_URL;
// An SFTP port of its own beside each test server's web port (3400 → 23400), clear of a dev server's 2222.
process.env.SFTP_PORT ??= String(20_000 + Number(process.env.PORT ?? 3000));
rmSync(dataDir, { recursive: true, force: true });
await import("./start");
