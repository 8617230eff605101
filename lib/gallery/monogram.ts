// Applications have no uploaded logo: the gallery draws a monogram, the name's initials on
// a colour picked from the name, so an application looks the same on every visit and page.

/** Background colours that white initials read on at WCAG AA (at least 4.5:1). */
export const MONOGRAM_COLOURS = [
  "#1d4ed8", // blue
  "#047857", // emerald
  "#b91c1c", // red
  "#7e22ce", // purple
  "#c2410c", // orange
  "#0e7490", // cyan
  "#be185d", // pink
  "#4338ca", // indigo
  "#15803d", // green
  "#a21caf", // fuchsia
  "#334155", // slate
  "#9a3412", // rust
] as const;

/** "Brightpath Writing Coach" → "BW"; "Zearn" → "Z"; never empty. */
export function monogramInitials(name: string): string {
  const words = name.split(/[\s\-_/·.,:]+/).filter((word) => /^[\p{L}\p{N}]/u.test(word));
  const initials = words.slice(0, 2).map((word) => Array.from(word)[0] ?? "");
  return initials.join("").toLocaleUpperCase() || "?";
}

/** The same name always gets the same colour (FNV-1a hash of the name). */
export function monogramColour(name: string): string {
  let hash = 0x811c9dc5;
  for (const character of name.trim().toLocaleLowerCase()) {
    hash ^= character.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return MONOGRAM_COLOURS[hash % MONOGRAM_COLOURS.length] ?? MONOGRAM_COLOURS[0];
}
