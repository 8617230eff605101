// What a save changed, for the audit log: a save that changes nothing records nothing, and an
// event's before → after holds only the fields that changed. Values compare as JSON (dates,
// arrays and objects by content), as the log stores them.

/** True when both values would be stored in the audit log alike. */
export function sameValue(before: unknown, after: unknown): boolean {
  return JSON.stringify(before ?? null) === JSON.stringify(after ?? null);
}

export type ChangedFields<T> = { changed: (keyof T & string)[]; before: Partial<T>; after: Partial<T> };

/** The fields of `after` whose value differs from `before`'s. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: T): ChangedFields<T> {
  const result: ChangedFields<T> = { changed: [], before: {}, after: {} };
  for (const key of Object.keys(after) as (keyof T & string)[]) {
    if (sameValue(before[key], after[key])) continue;
    result.changed.push(key);
    result.before[key] = before[key];
    result.after[key] = after[key];
  }
  return result;
}
