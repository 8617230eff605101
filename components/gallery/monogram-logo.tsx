// An application's logo: its initials on a colour of its own (see lib/gallery/monogram.ts).
// Decorative: the name is always written beside it.
import { monogramColour, monogramInitials } from "@/lib/gallery/monogram";

const SIZES = { medium: "h-12 w-12 text-lg", large: "h-16 w-16 text-2xl" } as const;

export function MonogramLogo({ name, size = "medium" }: { name: string; size?: keyof typeof SIZES }) {
  return (
    <span
      aria-hidden
      className={`inline-flex shrink-0 items-center justify-center rounded-xl font-semibold tracking-tight text-white select-none ${SIZES[size]}`}
      style={{ backgroundColor: monogramColour(name) }}
    >
      {monogramInitials(name)}
    </span>
  );
}
