// Read-ahead for clients exporting a collection page after page. Once a client has asked for a
// page that follows the one before (it is paging in sourcedId order) and that page was full,
// the next page is read in the background while this one travels to the client and is parsed
// there, so the database's share of each page leaves the client's critical path. A page read
// ahead is used only if asked for within a few seconds; otherwise it is dropped.
const TTL_MS = 3_000;
const MAX_PAGES = 32;

type Entry<T> = { page: Promise<T | undefined>; until: number };
const pages = new Map<string, Entry<unknown>>();

export function readAhead<T>(key: string, read: () => Promise<T>): void {
  const now = Date.now();
  for (const [other, entry] of pages) if (entry.until <= now) pages.delete(other);
  if (pages.size >= MAX_PAGES || pages.has(key)) return;
  // A failed read ahead is not an error: the request that wanted the page reads it itself.
  pages.set(key, { page: read().catch(() => undefined), until: now + TTL_MS });
}

/** The page read ahead under `key`, if there is a fresh one (each is handed out once). */
export async function takeReadAhead<T>(key: string): Promise<T | undefined> {
  const entry = pages.get(key);
  if (!entry) return undefined;
  pages.delete(key);
  return entry.until > Date.now() ? ((await entry.page) as T | undefined) : undefined;
}
