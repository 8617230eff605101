// The Single sign-on page's forms: one schema each for the browser (react-hook-form) and the
// server action, which parses again and is authoritative. Browser-safe: no database, no node:*.
import { z } from "zod";
import { accountTypeRulesSchema } from "@/lib/sso/account-type-rules";
import { attributeMappingSchema, SUPPORTED_ATTRIBUTES } from "@/lib/sso/attributes";
import { MAPPED_FIELDS, type AccountTypeRule, type AccountTypeRules, type AttributeMapping, type MappedField } from "@/lib/sso/types";

/**
 * Pasted metadata stays under the server actions' request body limit (200 KB in next.config,
 * with room for JSON escaping), so an oversized paste gets this message rather than a failed
 * request. Real single-IdP metadata (Entra ID, ADFS, Google, Shibboleth) is 5-80 KB.
 */
export const MAX_METADATA_BYTES = 160 * 1024;
const MAX_CERTIFICATES_CHARS = 64 * 1024;
export const MAX_SCOPE_DOMAINS = 20;

export const IDP_SOURCES = ["xml", "url", "manual"] as const;
export type IdpSource = (typeof IDP_SOURCES)[number];

const byteLength = (text: string) => new TextEncoder().encode(text).length;

function webAddressProblem(value: string, what: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `Enter the ${what} as a full address starting with https://`;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return `Enter the ${what} as a full address starting with https://`;
  return null;
}

/** All three ways are in one flat object so that switching between them keeps what was typed. */
export const identityProviderSchema = z
  .object({
    source: z.enum(IDP_SOURCES, "Choose how to describe your identity provider"),
    xml: z.string(),
    url: z.string().trim().max(2048, "A metadata URL can be at most 2,048 characters"),
    entityId: z.string().trim().max(1024, "An entity ID can be at most 1,024 characters"),
    ssoUrl: z.string().trim().max(2048, "An SSO URL can be at most 2,048 characters"),
    certificate: z.string().trim().max(MAX_CERTIFICATES_CHARS, "Paste at most a few certificates (64 KB)"),
  })
  .superRefine((input, context) => {
    const problem = (path: string, message: string) => context.addIssue({ code: "custom", path: [path], message });
    if (input.source === "xml") {
      if (!input.xml.trim()) problem("xml", "Paste your identity provider's metadata XML.");
      else if (byteLength(input.xml) > MAX_METADATA_BYTES) {
        problem("xml", `This metadata is larger than ${MAX_METADATA_BYTES / 1024} KB. Paste the metadata of your one identity provider, not a federation's aggregate.`);
      }
    } else if (input.source === "url") {
      if (!input.url) problem("url", "Enter the address of your identity provider's metadata.");
      else {
        const urlProblem = webAddressProblem(input.url, "metadata URL");
        if (urlProblem) problem("url", urlProblem);
      }
    } else {
      if (!input.entityId) problem("entityId", "Enter your identity provider's entity ID (its Issuer).");
      if (!input.ssoUrl) problem("ssoUrl", "Enter your identity provider's single sign-on URL.");
      else {
        const urlProblem = webAddressProblem(input.ssoUrl, "SSO URL");
        if (urlProblem) problem("ssoUrl", urlProblem);
      }
      if (!input.certificate) problem("certificate", "Paste your identity provider's signing certificate (PEM, starting -----BEGIN CERTIFICATE-----).");
    }
  });

export type IdentityProviderInput = z.input<typeof identityProviderSchema>;

export const EMPTY_IDENTITY_PROVIDER_INPUT: IdentityProviderInput = { source: "xml", xml: "", url: "", entityId: "", ssoUrl: "", certificate: "" };

/** The PEM blocks in a pasted text; a text without any is taken as one bare base64 certificate. */
export function splitCertificates(text: string): string[] {
  const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g);
  if (blocks) return blocks.map((block) => block.trim());
  const bare = text.replace(/\s+/g, "");
  return bare ? [bare] : [];
}

const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

const domainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .transform((domain) => domain.replace(/^@/, ""))
  .refine((domain) => domain.length > 0, "Enter a domain, e.g. springfield.k12.us")
  .refine((domain) => DOMAIN.test(domain), "Enter a domain name only, e.g. springfield.k12.us (no https:// and no @)");

/** Why a typed domain cannot be added, or null; the domain as it will be saved otherwise. */
export function checkDomain(typed: string): { ok: true; domain: string } | { ok: false; message: string } {
  const parsed = domainSchema.safeParse(typed);
  return parsed.success ? { ok: true, domain: parsed.data } : { ok: false, message: parsed.error.issues[0]?.message ?? "Enter a domain, e.g. springfield.k12.us" };
}

export const scopedAttributeNames: ReadonlySet<string> = new Set(SUPPORTED_ATTRIBUTES.filter((attribute) => attribute.scoped).map((attribute) => attribute.name));


export const mappingSettingsSchema = z
  .object({
    // "" (Not mapped) is left out of the saved mapping.
    attributeMapping: attributeMappingSchema,
    scopeDomains: z.array(domainSchema).max(MAX_SCOPE_DOMAINS, `List at most ${MAX_SCOPE_DOMAINS} domains`),
  })
  .superRefine((settings, context) => {
    const seen = new Set<string>();
    settings.scopeDomains.forEach((domain, index) => {
      if (seen.has(domain)) context.addIssue({ code: "custom", path: ["scopeDomains", index], message: `${domain} is listed twice` });
      seen.add(domain);
    });
    const scopedUse = Object.values(settings.attributeMapping).some((name) => name !== undefined && scopedAttributeNames.has(name));
    if (scopedUse && settings.scopeDomains.length === 0) {
      context.addIssue({
        code: "custom",
        path: ["scopeDomains"],
        message: "A field is mapped to a scoped attribute (eppn or affiliation): add the domain its values carry, e.g. springfield.k12.us",
      });
    }
  });

/** Form values: every field present, "" for Not mapped. */
export type MappingFormValues = z.input<typeof mappingSettingsSchema>;
export type MappingSettings = z.output<typeof mappingSettingsSchema>;

export function mappingFormValues(mapping: AttributeMapping, scopeDomains: readonly string[]): MappingFormValues {
  const fields = Object.fromEntries(MAPPED_FIELDS.map((field) => [field, mapping[field] ?? ""])) as Record<MappedField, string>;
  return { attributeMapping: fields, scopeDomains: [...scopeDomains] };
}

/** A rule as the form edits it: an exact combination's values typed comma-separated. */
export type RuleFormValue = { kind: AccountTypeRule["kind"]; values: string; accountType: string };
export type RulesFormValues = { multiValued: boolean; rules: RuleFormValue[] };

/** The form's rules as stored rules, without validation (the Try it box runs on what is typed). */
export function rulesFromForm(form: RulesFormValues): AccountTypeRules {
  return {
    multiValued: form.multiValued,
    rules: form.rules.map((rule) => ({
      kind: rule.kind,
      values: rule.kind === "default" ? [] : splitValues(rule.values),
      accountType: rule.accountType.trim(),
    })),
  };
}

export function rulesFormValues(rules: AccountTypeRules): RulesFormValues {
  return { multiValued: rules.multiValued, rules: rules.rules.map((rule) => ({ kind: rule.kind, values: rule.values.join(", "), accountType: rule.accountType })) };
}

export function splitValues(text: string): string[] {
  return text
    .split(",")
    .map((value) => value.trim())
    .filter(Boolean);
}

export const accountTypeRulesFormSchema = z
  .object({
    multiValued: z.boolean(),
    rules: z.array(z.object({ kind: z.enum(["exact", "contains", "default"], "Choose the kind of rule"), values: z.string().max(2000), accountType: z.string() })),
  })
  .transform(rulesFromForm)
  .pipe(accountTypeRulesSchema);

export const signInSwitchesSchema = z.object({ signInEnabled: z.boolean(), jitEnabled: z.boolean(), idpInitiatedAllowed: z.boolean() });
export type SignInSwitches = z.infer<typeof signInSwitchesSchema>;
