// The account types a district's spreadsheets use (its own list, else the defaults), and
// looking one up as written.
import { sameValue } from "@/lib/audit/changes";
import { districtTenant, recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { accountTypesSchema, DEFAULT_ACCOUNT_TYPES, type AccountType } from "@/lib/imports/people/account-types-schema";

export { DEFAULT_ACCOUNT_TYPES, type AccountType } from "@/lib/imports/people/account-types-schema";

export async function accountTypesOf(districtId: string): Promise<AccountType[]> {
  const settings = await db().importSettings.findUnique({ where: { districtId }, select: { accountTypes: true } });
  const stored = accountTypesSchema.safeParse(settings?.accountTypes);
  return stored.success ? stored.data : [...DEFAULT_ACCOUNT_TYPES];
}

/** Saves the district's list (already parsed with accountTypesSchema) and records the change; an unchanged list records nothing. */
export async function saveAccountTypes(districtId: string, accountTypes: AccountType[]): Promise<AccountType[]> {
  return db().$transaction(async (tx) => {
    const settings = await tx.importSettings.findUnique({ where: { districtId }, select: { accountTypes: true } });
    const stored = accountTypesSchema.safeParse(settings?.accountTypes);
    const before = stored.success ? stored.data : [...DEFAULT_ACCOUNT_TYPES];
    await tx.importSettings.upsert({ where: { districtId }, create: { districtId, accountTypes }, update: { accountTypes } });
    if (!sameValue(before, accountTypes)) {
      await recordAudit(tx, {
        ...(await districtTenant(tx, districtId)),
        action: "import.account_types_changed",
        summary: `Account types changed (${accountTypes.length} listed)`,
        before: { accountTypes: before },
        after: { accountTypes },
      });
    }
    return accountTypes;
  });
}

/** Looks an account type up without regard to case or surrounding spaces. */
export function accountTypeLookup(types: readonly AccountType[]): (written: string) => AccountType | undefined {
  const byKey = new Map(types.map((type) => [type.accountType.trim().toLowerCase(), type]));
  return (written) => byKey.get(written.trim().toLowerCase());
}
