// The shape of a UUID, checked before an id from a URL reaches a query. No database import
// here, so client components can use it too.
export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
