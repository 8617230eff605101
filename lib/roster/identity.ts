// How generated people are addressed: the district's email domain, usernames unique within
// the district, and readable, zero-padded sourcedIds.

/** Words that say what kind of body a district is rather than which one ("Public Schools"). */
const GENERIC_WORDS = new Set(["public", "schools", "school", "district", "unified", "community", "independent", "consolidated", "the", "of"]);

/** "Springfield Public Schools" → "springfield.k12.example" (a reserved, never-routable TLD). */
export function districtDomain(districtName: string): string {
  const words = asciiLower(districtName).split(/[^a-z0-9]+/).filter(Boolean);
  const distinctive = words.filter((word) => !GENERIC_WORDS.has(word));
  const label = (distinctive.length > 0 ? distinctive : words).join("-") || "district";
  return `${label}.k12.example`;
}

/** Lower case, accents dropped ("Sofía" → "sofia"). */
export function asciiLower(text: string): string {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

/** "<prefix>-<number padded to width>": stu-000123, tch-0012. */
export function sourcedId(prefix: string, number: number, width: number): string {
  return `${prefix}-${String(number).padStart(width, "0")}`;
}

/** Hands out usernames unique within one district: "maria.garcia", then "maria.garcia-2", … */
export class UsernameRegistry {
  private readonly taken = new Map<string, number>();

  claim(givenName: string, familyName: string, suffix = ""): string {
    const base = `${letters(givenName)}.${letters(familyName)}${suffix}`;
    const count = (this.taken.get(base) ?? 0) + 1;
    this.taken.set(base, count);
    // Bases hold no hyphen, so "maria.garcia-2" can never be another person's base.
    return count === 1 ? base : `${base}-${count}`;
  }
}

function letters(name: string): string {
  return asciiLower(name).replace(/[^a-z]/g, "") || "user";
}
