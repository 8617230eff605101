// The paging headers of a list answer: X-Total-Count (the rows that match, after the filter)
// and an RFC 8288 Link header to the first, previous, next and last pages, each with the
// request's own query (filter, sort, fields) and only limit and offset changed.

export function linkHeader(pageUrl: URL, { limit, offset, total }: { limit: number; offset: number; total: number }): string {
  const at = (pageOffset: number) => {
    const url = new URL(pageUrl);
    url.searchParams.set("limit", String(limit));
    url.searchParams.set("offset", String(pageOffset));
    return url.toString();
  };
  const lastOffset = total > 0 ? Math.floor((total - 1) / limit) * limit : 0;
  const links: [string, number][] = [];
  if (offset + limit < total) links.push(["next", offset + limit]);
  if (offset > 0) links.push(["prev", Math.max(0, Math.min(offset - limit, lastOffset))]);
  links.push(["first", 0], ["last", lastOffset]);
  return links.map(([rel, pageOffset]) => `<${at(pageOffset)}>; rel="${rel}"`).join(", ");
}
