// The district's sign-in log: every assertion received, what it did or why it was refused, and
// the test sign-ins an admin ran with what they received and what would have happened.
import { z } from "zod";
import type { SsoOutcome } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import type { MappedPerson } from "@/lib/sso/mapping";
import { isUuid } from "@/lib/uuid";

export const SSO_EVENTS_PAGE_SIZE = 25;

export type SsoEventRow = {
  id: string;
  at: Date;
  outcome: SsoOutcome;
  reason: string | null;
  nameId: string | null;
  email: string | null;
  sourcedId: string | null;
  idpInitiated: boolean;
};

/** Newest first; `page` counts from 1. */
export async function listSsoEvents(
  districtId: string,
  options: { outcome?: SsoOutcome; page?: number; pageSize?: number } = {},
): Promise<{ rows: SsoEventRow[]; total: number }> {
  const pageSize = Math.min(Math.max(Math.trunc(options.pageSize ?? SSO_EVENTS_PAGE_SIZE), 1), 100);
  const page = Math.max(Math.trunc(options.page ?? 1), 1);
  const where = { districtId, ...(options.outcome ? { outcome: options.outcome } : {}) };
  const [rows, total] = await Promise.all([
    db().ssoEvent.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: { id: true, at: true, outcome: true, reason: true, nameId: true, email: true, sourcedId: true, idpInitiated: true },
    }),
    db().ssoEvent.count({ where }),
  ]);
  return { rows, total };
}

export type WouldDo = {
  kind: "signed_in" | "created" | "not_provisioned" | "refused";
  /** What a real sign-in with this assertion would have done, in a sentence. */
  sentence: string;
  /** The person it would have signed in. */
  person?: { id: string; sourcedId: string; givenName: string; familyName: string };
};

export type TestSignInDetails =
  | { attributes: Record<string, string[]>; friendlyNames: Record<string, string>; nameId: string | null; mapped: MappedPerson; wouldDo: WouldDo }
  | { refused: string; nameId: string | null };

const ruleSchema = z.object({ kind: z.enum(["exact", "contains", "default"]), values: z.array(z.string()), accountType: z.string() });
const roleSchema = z.enum(["administrator", "aide", "guardian", "parent", "proctor", "relative", "student", "teacher"]);
const optionalText = z.string().optional();

const mappedSchema = z.object({
  values: z.object({
    givenName: optionalText,
    familyName: optionalText,
    email: optionalText,
    netid: optionalText,
    netid2: optionalText,
    netid3: optionalText,
    graduationYear: z.number().optional(),
  }),
  accountTypeValues: z.array(z.string()),
  decision: z.object({ accountType: z.string(), rule: ruleSchema, ruleIndex: z.number(), explanation: z.string() }).nullable(),
  accountType: z.string().nullable(),
  role: roleSchema.nullable(),
  problems: z.array(z.string()),
}) satisfies z.ZodType<MappedPerson>;

const detailsSchema = z.union([
  z.object({
    attributes: z.record(z.string(), z.array(z.string())),
    friendlyNames: z.record(z.string(), z.string()),
    nameId: z.string().nullable(),
    mapped: mappedSchema,
    wouldDo: z.object({
      kind: z.enum(["signed_in", "created", "not_provisioned", "refused"]),
      sentence: z.string(),
      person: z.object({ id: z.string(), sourcedId: z.string(), givenName: z.string(), familyName: z.string() }).optional(),
    }),
  }),
  z.object({ refused: z.string(), nameId: z.string().nullable() }),
]) satisfies z.ZodType<TestSignInDetails>;

/** A test sign-in, for the admin who ran it only, in their own district only. */
export async function findTestSignIn(districtId: string, adminUserId: string, eventId: string): Promise<{ at: Date; details: TestSignInDetails } | null> {
  if (!isUuid(eventId)) return null;
  const event = await db().ssoEvent.findFirst({
    where: { id: eventId, districtId, adminUserId, outcome: "test" },
    select: { at: true, details: true },
  });
  const details = detailsSchema.safeParse(event?.details);
  return event && details.success ? { at: event.at, details: details.data } : null;
}
