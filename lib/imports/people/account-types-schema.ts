// Account types ("Student", "Teacher", …) as districts write them in spreadsheets, and the
// OneRoster role each becomes: the defaults, and the schema the Settings form and its action share.
import { z } from "zod";
import type { RosterRole } from "@/generated/prisma/client";

export const ROSTER_ROLES = ["student", "teacher", "administrator", "aide", "guardian", "parent", "proctor", "relative"] as const satisfies readonly RosterRole[];

export type AccountType = { accountType: string; role: RosterRole };

export const DEFAULT_ACCOUNT_TYPES: readonly AccountType[] = [
  { accountType: "Student", role: "student" },
  { accountType: "Teacher", role: "teacher" },
  { accountType: "Faculty", role: "teacher" },
  { accountType: "Staff", role: "aide" },
  { accountType: "Aide", role: "aide" },
  { accountType: "Administrator", role: "administrator" },
  { accountType: "Parent", role: "parent" },
  { accountType: "Guardian", role: "guardian" },
];

export const accountTypesSchema = z
  .array(
    z.object({
      accountType: z.string().trim().min(1, "Name the account type.").max(60, "Use at most 60 characters."),
      role: z.enum(ROSTER_ROLES, "Choose a OneRoster role."),
    }),
  )
  .min(1, "Keep at least one account type.")
  .max(50, "Use at most 50 account types.")
  .superRefine((types, context) => {
    const seen = new Set<string>();
    types.forEach((type, index) => {
      const key = type.accountType.toLowerCase();
      if (seen.has(key)) context.addIssue({ code: "custom", path: [index, "accountType"], message: `"${type.accountType}" is listed twice.` });
      seen.add(key);
    });
  });

export const accountTypesFormSchema = z.object({ accountTypes: accountTypesSchema });
export type AccountTypesInput = z.infer<typeof accountTypesFormSchema>;
