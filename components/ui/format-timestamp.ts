// One way to print a moment on the Provisioning page ("23 Nov 2026, 14:05 UTC"), the same
// on the server and in the browser, so the banner and the signing secret panel agree.
const timestampFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
});

export function formatTimestamp(at: Date): string {
  return `${timestampFormat.format(at)} UTC`;
}
