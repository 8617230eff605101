import { ROLE_LABELS } from "@/components/people/people-labels";
import { NoValue } from "@/components/ui/no-value";
import type { MergeField } from "@/lib/people/merge-schema";
import type { PersonRecord } from "@/lib/people/records";

/** A field's value in words; shared by the detail page and the side-by-side duplicates. */
export function FieldValue({ person, field }: { person: PersonRecord; field: MergeField }) {
  if (field === "role") return <>{ROLE_LABELS[person.role]}</>;
  if (field === "orgSourcedIds") return person.schools.length > 0 ? <>{person.schools.map((school) => school.name).join(", ")}</> : <NoValue />;
  const value = person[field];
  if (Array.isArray(value)) return value.length > 0 ? <>{value.join(", ")}</> : <NoValue />;
  if (value === null || value === "") return <NoValue />;
  return <>{value}</>;
}
