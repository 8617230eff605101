// The sample request as a cURL command a vendor can paste into a terminal to replay it
// against their receiver; values arrive already masked where they are secret.
import type { SampleRequest } from "@/lib/webhooks/test-webhook";

/** Headers curl writes itself from the URL and the body. */
const SET_BY_CURL = new Set(["host", "content-length", "connection"]);

export function curlCommandFor(sample: SampleRequest): string {
  const headerFlags = sample.headers
    .filter(([name]) => !SET_BY_CURL.has(name.toLowerCase()))
    .map(([name, value]) => `-H ${shellQuote(`${name}: ${value}`)}`);
  return [`curl -X ${sample.method} ${shellQuote(sample.url)}`, ...headerFlags, `--data ${shellQuote(compactJson(sample.body))}`].join(" ");
}

/** Single quotes for POSIX shells: nothing inside is expanded, and a ' is closed, escaped, reopened. */
function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** The body as it is sent (one line), which is also what the signature covers. */
function compactJson(prettyBody: string): string {
  try {
    return JSON.stringify(JSON.parse(prettyBody));
  } catch {
    return prettyBody;
  }
}
