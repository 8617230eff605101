// The upsert API's way in: a batch of people validated, matched and applied in one
// transaction, recorded in the district's import history and the audit log, with one answer per item.
import { db } from "@/lib/db";
import { recordImportApplied } from "@/lib/imports/audit";
import { countOutcomes, indexPeople, planPeople, type PlannedPerson } from "@/lib/imports/people/plan";
import { applyPeoplePlan, findMatchablePeople, identifiersOf, loadPersonContext } from "@/lib/imports/people/roster";
import { lockDistrictRoster } from "@/lib/imports/lock";
import { validatePerson } from "@/lib/imports/people/validate";
import { recordIssues } from "@/lib/imports/record";
import { emptyOutcomeCounts, type ImportIssue, type MatchKey, type Outcome, type PersonRow } from "@/lib/imports/types";
import type { PersonValues } from "@/lib/imports/people/columns";

export type { PersonValues } from "@/lib/imports/people/columns";

export type PersonResult = { index: number; outcome: Outcome; matchedBy: MatchKey | null; sourcedId: string | null; issues: ImportIssue[] };

function resultOf(index: number, item: PlannedPerson, createdSourcedId: string | undefined): PersonResult {
  switch (item.outcome) {
    case "create":
      return { index, outcome: "create", matchedBy: null, sourcedId: createdSourcedId ?? null, issues: [] };
    case "update":
    case "deactivate":
    case "unchanged":
      return { index, outcome: item.outcome, matchedBy: item.matchedBy, sourcedId: item.person.sourcedId, issues: [] };
    default:
      return { index, outcome: item.outcome, matchedBy: null, sourcedId: null, issues: [item.issue] };
  }
}

/**
 * Validates, matches and applies the items in one transaction, records the import (channel
 * api), and returns one result per item. `refused` holds the problems the API layer already
 * found in an item (an unknown property, a value of the wrong type): such an item is an
 * error with those problems, recorded like the others.
 */
export async function importPeopleItems(
  districtId: string,
  items: readonly PersonValues[],
  by: { tokenId: string },
  refused: ReadonlyMap<number, readonly ImportIssue[]> = new Map(),
): Promise<{ importId: string; results: PersonResult[] }> {
  const startedAt = new Date();
  return db().$transaction(
    async (tx) => {
      await lockDistrictRoster(tx, districtId);
      const context = await loadPersonContext(tx, districtId);
      const results: (PersonResult | undefined)[] = new Array(items.length);
      const rows: PersonRow[] = [];
      items.forEach((values, index) => {
        const found = refused.get(index);
        if (found && found.length > 0) {
          results[index] = { index, outcome: "error", matchedBy: null, sourcedId: null, issues: [...found] };
          return;
        }
        const { row, issues } = validatePerson(values, { file: null, line: index }, context);
        if (row) rows.push(row);
        else results[index] = { index, outcome: "error", matchedBy: null, sourcedId: null, issues };
      });
      const plan = planPeople(rows, indexPeople(await findMatchablePeople(tx, districtId, identifiersOf(rows))));
      const applied = await applyPeoplePlan(tx, districtId, plan, "api");
      const createdByLine = new Map(applied.map((entry) => [entry.line, entry.sourcedId]));
      for (const item of plan) results[item.row.line] = resultOf(item.row.line, item, createdByLine.get(item.row.line));

      const all = results as PersonResult[];
      const counts = countOutcomes(all, emptyOutcomeCounts());
      const created = await tx.rosterImport.create({
        data: {
          districtId,
          channel: "api",
          status: "completed",
          tokenId: by.tokenId,
          validRowsOnly: true,
          createdAt: startedAt,
          validatedAt: startedAt,
          startedAt,
          finishedAt: new Date(),
          rowsDone: items.length,
          rowsTotal: items.length,
          counts,
        },
        select: { id: true },
      });
      await recordIssues(tx, created.id, all.flatMap((result) => result.issues));
      // The API layer sets the acting token as the audit context (see lib/district-api/people.ts).
      await recordImportApplied(tx, { districtId, importId: created.id, channel: "api", fileName: null, validRowsOnly: true, counts });
      return { importId: created.id, results: all };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
