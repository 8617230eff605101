// The district's provisioning log: one row per SCIM request (also for failures, and for 401s
// whose token names a district), written by the SCIM handler (activity.ts reads it for the
// Identity sync page). Rows name the token, never hold it.
import { db } from "@/lib/db";

export type ScimOperation = "create" | "replace" | "update" | "delete" | "get" | "list" | "ServiceProviderConfig" | "ResourceTypes" | "Schemas";
export type ScimEffectName = "created" | "updated" | "deactivated" | "deleted";

export type ScimRequestEntry = {
  districtId: string;
  tokenId: string | null;
  at: Date;
  method: string;
  /** A ScimOperation, or "unknown" for a path that names no endpoint. */
  operation: string;
  /** User, Group, a discovery endpoint's name, or "unknown". */
  resourceType: string;
  resourceId?: string | null;
  /** The user's userName, or the group's displayName. */
  userName?: string | null;
  externalId?: string | null;
  status: number;
  effect?: ScimEffectName | null;
  /** The reason sent back with a failure: scimType and detail. */
  error?: string | null;
  latencyMs: number;
};

const MAX_TEXT = 500;
const clip = (value: string | null | undefined) => (value == null ? null : value.slice(0, MAX_TEXT));

export async function logScimRequest(entry: ScimRequestEntry): Promise<void> {
  const outcome = entry.status < 400 ? "success" : "failure";
  await db().$executeRaw`
    INSERT INTO "ScimRequest" ("districtId", "tokenId", at, method, operation, "resourceType", "resourceId", "userName", "externalId", status, outcome, effect, error, "latencyMs")
    VALUES (${entry.districtId}::uuid, ${entry.tokenId}::uuid, (${entry.at.toISOString()}::timestamptz AT TIME ZONE 'UTC'), ${entry.method}, ${entry.operation},
      ${entry.resourceType}, ${clip(entry.resourceId)}, ${clip(entry.userName)}, ${clip(entry.externalId)}, ${entry.status}::int, ${outcome}::"ScimOutcome",
      ${entry.effect ?? null}::"ScimEffect", ${clip(entry.error)}, ${Math.max(0, Math.round(entry.latencyMs))}::int)`;
}
