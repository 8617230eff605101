// The File delivery tab's forms: one schema each, used by the form in the browser and parsed
// again by its server action. Browser-safe.
import ipaddr from "ipaddr.js";
import { z } from "zod";
import { customFormatSchema } from "@/lib/deliveries/custom-format/schema";

const applicationId = z.string().uuid("This application was not found. It may have been deleted.");
/** The FileDelivery version the form was loaded with (0: never saved). */
const version = z.number().int().min(0);

export const deliveryEnabledSchema = z.object({ applicationId, version, enabled: z.boolean() });
export type DeliveryEnabledInput = z.input<typeof deliveryEnabledSchema>;

export const deliveryFormatSchema = z.discriminatedUnion("format", [
  z.object({ applicationId, version, format: z.literal("oneroster_csv"), oneRosterDelta: z.boolean() }),
  z.object({ applicationId, version, format: z.literal("custom_csv"), custom: customFormatSchema }),
]);
export type DeliveryFormatInput = z.input<typeof deliveryFormatSchema>;

export const previewFormatSchema = z.object({ applicationId, custom: customFormatSchema });

const MAX_HOST_LENGTH = 253;

/** Why a host is not a bare host name or IP address, or null when it is one. */
export function sftpHostProblem(host: string): string | null {
  if (host === "") return "Enter your SFTP server's host name, e.g. sftp.example.com";
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(host)) return "Enter the host name alone, without sftp:// or any other scheme, e.g. sftp.example.com";
  if (/[/@\s]/.test(host)) return "Enter the host name alone, without a user name, path or spaces, e.g. sftp.example.com";
  if (host.length > MAX_HOST_LENGTH) return `A host name can be at most ${MAX_HOST_LENGTH} characters`;
  const bare = host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
  if (ipaddr.IPv4.isValidFourPartDecimal(bare) || (bare.includes(":") && ipaddr.IPv6.isValid(bare))) return null;
  if (host.includes(":")) return "Enter the port in the Port field, not after the host name";
  const labels = host.replace(/\.$/, "").split(".");
  const validLabel = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i;
  if (!labels.every((label) => validLabel.test(label))) {
    return "This is not a host name: use letters, digits, hyphens and dots, e.g. sftp.example.com, or an IP address";
  }
  return null;
}

/** Why a folder is not an absolute path on the vendor's server, or null. */
export function sftpFolderProblem(folder: string): string | null {
  if (!folder.startsWith("/")) return "Enter an absolute folder that starts with /, e.g. /incoming/rollcall";
  if (folder.length > 1024) return "A folder can be at most 1,024 characters";
  if (/\p{Cc}/u.test(folder)) return "A folder can't contain control characters";
  if (folder.split("/").some((part) => part === "..")) return "A folder can't contain “..”: enter the folder's full path";
  return null;
}

const sftpPort = z.coerce
  .number({ message: "Enter a port number from 1 to 65535 (usually 22)" })
  .int("Enter a port number from 1 to 65535 (usually 22)")
  .min(1, "Enter a port number from 1 to 65535 (usually 22)")
  .max(65_535, "Enter a port number from 1 to 65535 (usually 22)");

/** Where files go. The SFTP fields are checked only for "Your SFTP server"; they are kept either way. */
export const deliveryDestinationSchema = z
  .object({
    applicationId,
    version,
    destination: z.enum(["vendor_sftp", "rollcall_hosted"]),
    sftpHost: z.string().trim().toLowerCase(),
    sftpPort,
    sftpUsername: z.string().trim().max(100, "A user name can be at most 100 characters"),
    sftpFolder: z.string().trim(),
  })
  .superRefine((input, context) => {
    if (input.destination !== "vendor_sftp") return;
    const hostProblem = sftpHostProblem(input.sftpHost);
    if (hostProblem) context.addIssue({ code: "custom", path: ["sftpHost"], message: hostProblem });
    if (input.sftpUsername === "") context.addIssue({ code: "custom", path: ["sftpUsername"], message: "Enter the user name Rollcall signs in as" });
    else if (/[\s\p{Cc}@:/]/u.test(input.sftpUsername)) {
      context.addIssue({ code: "custom", path: ["sftpUsername"], message: "A user name can't contain spaces, @, : or /" });
    }
    const folderProblem = sftpFolderProblem(input.sftpFolder);
    if (folderProblem) context.addIssue({ code: "custom", path: ["sftpFolder"], message: folderProblem });
  });
export type DeliveryDestinationInput = z.input<typeof deliveryDestinationSchema>;
export type DeliveryDestinationValues = z.output<typeof deliveryDestinationSchema>;

/** Test connection sends the form's values as they are, before saving. */
export const testConnectionSchema = deliveryDestinationSchema;

export const trustHostKeySchema = z.object({
  applicationId,
  fingerprint: z.string().regex(/^SHA256:[A-Za-z0-9+/]{43}=?$/, "This is not a host key fingerprint"),
});

export const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

export function isTimeZoneName(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(name);
  } catch {
    return false;
  }
}

export const deliveryScheduleSchema = z.object({
  applicationId,
  version,
  schedule: z.enum(["daily", "every_hours"]),
  dailyAt: z.string().regex(HH_MM, "Enter a time of day as HH:MM, e.g. 02:00"),
  timeZone: z.string().trim().refine(isTimeZoneName, "Choose a time zone from the list, e.g. America/New_York"),
  everyHours: z.coerce
    .number({ message: "Enter a whole number of hours from 1 to 24" })
    .int("Enter a whole number of hours from 1 to 24")
    .min(1, "Enter a whole number of hours from 1 to 24")
    .max(24, "Enter a whole number of hours from 1 to 24"),
});
export type DeliveryScheduleInput = z.input<typeof deliveryScheduleSchema>;

export const RUN_STATUSES = ["queued", "running", "delivered", "failed", "stopped"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export const RUN_PAGE_SIZE = 20;

export const deliveryLogQuerySchema = z.object({
  applicationId,
  districtId: z.string().uuid().optional(),
  status: z.enum(RUN_STATUSES).optional(),
  page: z.number().int().min(1).max(10_000),
});
export type DeliveryLogQuery = z.input<typeof deliveryLogQuerySchema>;

export const applicationOnlySchema = z.object({ applicationId });
