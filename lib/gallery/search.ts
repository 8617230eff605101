// The gallery's search by application name: one rule for the search box in the browser and
// for listGallery on the server. Every word typed must appear in the name, in any order,
// ignoring case and accents ("ecole" finds "École").

function normalised(text: string): string {
  return text.normalize("NFD").replace(/\p{Mark}/gu, "").toLocaleLowerCase();
}

export function searchTerms(query: string): string[] {
  return normalised(query).split(/\s+/).filter(Boolean);
}

export function matchesSearch(name: string, query: string): boolean {
  const haystack = normalised(name);
  return searchTerms(query).every((term) => haystack.includes(term));
}

export function filterByName<T extends { name: string }>(items: T[], query: string): T[] {
  return searchTerms(query).length === 0 ? items : items.filter((item) => matchesSearch(item.name, query));
}
