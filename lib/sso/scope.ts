// Scoped attributes (eppn, affiliation) carry the domain that vouches for them after an @:
// "staff@springfield.k12.us". Only the district's own domains may vouch for its people; a
// subdomain is a different scope unless the district lists it too.
export type ScopeCheck = { ok: true; unscoped: string; scope: string } | { ok: false; message: string };

export function checkScope(value: string, domains: readonly string[]): ScopeCheck {
  const trimmed = value.trim();
  const at = trimmed.lastIndexOf("@");
  const unscoped = at >= 0 ? trimmed.slice(0, at).trim() : "";
  const scope = at >= 0 ? trimmed.slice(at + 1).trim().toLowerCase() : "";
  if (unscoped === "" || scope === "") {
    return { ok: false, message: `'${trimmed}' has no scope: a scoped value looks like staff@springfield.k12.us.` };
  }
  const allowed = domains.map((domain) => domain.trim().toLowerCase()).filter((domain) => domain !== "");
  if (allowed.length === 0) {
    return { ok: false, message: `'${trimmed}' is scoped to ${scope}, and the district lists no domains for scoped attributes. Add the district's domains on the Single sign-on page.` };
  }
  if (!allowed.includes(scope)) {
    return { ok: false, message: `'${trimmed}' is scoped to ${scope}, which is not one of the district's domains (${allowed.join(", ")}).` };
  }
  return { ok: true, unscoped, scope };
}
