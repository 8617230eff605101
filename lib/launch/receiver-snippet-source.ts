// The receiver snippet as vendors see it on the Sign-in tab: the very file the tests run.
import { readFile } from "node:fs/promises";
import path from "node:path";

let cached: Promise<string> | undefined;

export function readReceiverSnippet(): Promise<string> {
  cached ??= readFile(path.join(/*turbopackIgnore: true*/ process.cwd(), "lib/launch/receiver-snippet.mjs"), "utf8").catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}
