// The SFTP drop page's forms: one schema each for the browser and the server action.
import ipaddr from "ipaddr.js";
import { z } from "zod";
import { readPublicKeyLine } from "@/lib/sftp/key-format";

export const addSftpKeySchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Name the key after the system that uses it, e.g. “Student information system”")
    .max(60, "A key's name can be at most 60 characters")
    .refine((name) => !/\p{Cc}/u.test(name), "A key's name can't contain control characters"),
  publicKey: z
    .string()
    .max(16_384, "This is too long for a public key: paste the one line of the .pub file")
    .superRefine((text, context) => {
      const read = readPublicKeyLine(text);
      if (!read.ok) context.addIssue({ code: "custom", message: read.message });
    }),
});
export type AddSftpKeyInput = z.input<typeof addSftpKeySchema>;

export const MAX_NETWORKS = 50;

/** One CIDR range per line (blank lines ignored), normalised: "203.0.113.7/24" becomes 203.0.113.0/24. */
export const allowedNetworksSchema = z.object({
  networks: z
    .string()
    .max(10_000, `List at most ${MAX_NETWORKS} ranges`)
    .transform((text, context) => {
      const lines = text.split(/\r?\n/).map((line, index) => ({ text: line.trim(), number: index + 1 }));
      const ranges: string[] = [];
      for (const line of lines) {
        if (!line.text) continue;
        const range = normaliseCidr(line.text);
        if (!range) {
          context.addIssue({
            code: "custom",
            message: `Line ${line.number}: “${line.text}” is not an address range. Write one range per line in CIDR form, e.g. 203.0.113.0/24, 198.51.100.7/32 or 2001:db8::/48.`,
          });
          return z.NEVER;
        }
        if (!ranges.includes(range)) ranges.push(range);
      }
      if (ranges.length > MAX_NETWORKS) {
        context.addIssue({ code: "custom", message: `List at most ${MAX_NETWORKS} ranges; this has ${ranges.length}.` });
        return z.NEVER;
      }
      return ranges;
    }),
});
export type AllowedNetworksInput = z.input<typeof allowedNetworksSchema>;

export function normaliseCidr(text: string): string | null {
  if (!/^[0-9a-fA-F:.]+\/\d{1,3}$/.test(text)) return null;
  try {
    const [address, prefix] = ipaddr.parseCIDR(text);
    const network = address.kind() === "ipv4" ? ipaddr.IPv4.networkAddressFromCIDR(text) : ipaddr.IPv6.networkAddressFromCIDR(text);
    return `${network.toString()}/${prefix}`;
  } catch {
    return null;
  }
}

export const DEFAULT_PROCESS_AT = "02:00";
export const DEFAULT_TIME_ZONE = "America/New_York";

export const processingScheduleSchema = z.object({
  processAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Enter a time of day as HH:MM, e.g. 02:00"),
  timeZone: z
    .string()
    .trim()
    .min(1, "Choose the time zone the time is in")
    .refine(isTimeZone, "Choose a time zone from the list, e.g. America/New_York"),
});
export type ProcessingScheduleInput = z.input<typeof processingScheduleSchema>;

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(name);
  } catch {
    return false;
  }
}

/** The time zones to choose from (the zone already saved among them, even if this runtime does not list it). */
export function timeZoneChoices(saved: string): string[] {
  const zones = Intl.supportedValuesOf("timeZone");
  return zones.includes(saved) ? zones : [saved, ...zones];
}
