// The Identity sync page's role mapping: how people provisioned over SCIM get their OneRoster
// role. One schema for the form (in the browser) and the server action, which parses again.
import { z } from "zod";

export const ROSTER_ROLES = ["student", "teacher", "administrator", "aide", "guardian", "parent", "proctor", "relative"] as const;
export type RosterRoleName = (typeof ROSTER_ROLES)[number];

export const ROSTER_ROLE_LABELS: Record<RosterRoleName, string> = {
  student: "Student",
  teacher: "Teacher",
  administrator: "Administrator",
  aide: "Aide",
  guardian: "Guardian",
  parent: "Parent",
  proctor: "Proctor",
  relative: "Relative",
};

export const MAX_ROLE_RULES = 100;

/** An attribute as SCIM names it: `userType`, `name.givenName`, `roles`, or `<schema URN>:employeeType`. */
const ATTRIBUTE_PATH = /^(?:urn:[A-Za-z0-9][\w.:-]*:)?[A-Za-z][\w$-]*(?:\.[A-Za-z][\w$-]*)?$/;

const roleSchema = z.enum(ROSTER_ROLES, "Choose a role");

export const roleMappingSchema = z
  .object({
    source: z.enum(["group", "attribute"], "Choose where roles come from"),
    /** Only for source "attribute"; ignored (and saved empty) for "group". */
    attribute: z.string().trim().max(300, "An attribute name can be at most 300 characters"),
    rules: z
      .array(
        z.object({
          value: z.string().trim().min(1, "Enter a value to match").max(256, "A value can be at most 256 characters"),
          role: roleSchema,
        }),
      )
      .max(MAX_ROLE_RULES, `You can add at most ${MAX_ROLE_RULES} rules`),
    defaultRole: roleSchema,
  })
  .superRefine((mapping, context) => {
    if (mapping.source === "attribute") {
      if (!mapping.attribute) context.addIssue({ code: "custom", path: ["attribute"], message: "Enter the SCIM attribute that holds the role, e.g. userType" });
      else if (!ATTRIBUTE_PATH.test(mapping.attribute)) {
        context.addIssue({ code: "custom", path: ["attribute"], message: "Enter a SCIM attribute name such as userType, roles or urn:…:User:employeeType" });
      }
    }
    const seen = new Set<string>();
    mapping.rules.forEach((rule, index) => {
      const key = rule.value.toLowerCase();
      if (seen.has(key)) context.addIssue({ code: "custom", path: ["rules", index, "value"], message: "This value already has a rule above" });
      seen.add(key);
    });
  });

export type RoleMappingInput = z.input<typeof roleMappingSchema>;
export type RoleMapping = z.output<typeof roleMappingSchema>;

/** What a district has before it saves a mapping: everyone is a student. */
export const DEFAULT_ROLE_MAPPING: RoleMapping = { source: "group", attribute: "", rules: [], defaultRole: "student" };
