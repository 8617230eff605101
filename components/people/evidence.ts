// Why two records are probably the same person, in words.
import type { DuplicateEvidence, IdentifierField } from "@/lib/people/duplicates";
import type { PersonRecord } from "@/lib/people/records";

const IDENTIFIER_LABELS: Record<IdentifierField, string> = { netid: "netid", netid2: "netid 2", netid3: "netid 3", email: "email", username: "username" };

const nameOf = (person: PersonRecord) => `${person.givenName} ${person.familyName}`;

export function describeEvidence(evidence: DuplicateEvidence, first: PersonRecord, second: PersonRecord): string {
  switch (evidence.rule) {
    case "email":
      return `Same email: ${evidence.value}`;
    case "identifier":
      return `Same identifier “${evidence.value}”: the ${IDENTIFIER_LABELS[evidence.firstField]} of ${nameOf(first)} and the ${IDENTIFIER_LABELS[evidence.secondField]} of ${nameOf(second)}`;
    case "name_birth_date":
      return `Same name and birth date (${evidence.birthDate})`;
    case "name_school_grade": {
      const school = [...first.schools, ...second.schools].find((candidate) => candidate.sourcedId === evidence.school)?.name ?? evidence.school;
      return `Same name in grade ${evidence.grade} at ${school}`;
    }
  }
}
