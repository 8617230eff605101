// The account types a district's spreadsheets use (its own list, else the defaults), and
// looking one up as written.
import { db } from "@/lib/db";
import { accountTypesSchema, DEFAULT_ACCOUNT_TYPES, type AccountType } from "@/lib/imports/people/account-types-schema";

export { DEFAULT_ACCOUNT_TYPES, type AccountType } from "@/lib/imports/people/account-types-schema";

export async function accountTypesOf(districtId: string): Promise<AccountType[]> {
  const settings = await db().importSettings.findUnique({ where: { districtId }, select: { accountTypes: true } });
  const stored = accountTypesSchema.safeParse(settings?.accountTypes);
  return stored.success ? stored.data : [...DEFAULT_ACCOUNT_TYPES];
}

/** Looks an account type up without regard to case or surrounding spaces. */
export function accountTypeLookup(types: readonly AccountType[]): (written: string) => AccountType | undefined {
  const byKey = new Map(types.map((type) => [type.accountType.trim().toLowerCase(), type]));
  return (written) => byKey.get(written.trim().toLowerCase());
}
