// People spreadsheets (the template's CSV or .xlsx): every row validated and matched before
// anything is written, then applied in one transaction under the district's import lock.
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { countOutcomes, indexPeople, planPeople, type PlannedPerson } from "@/lib/imports/people/plan";
import { applyPeoplePlan, findMatchablePeople, identifiersOf, loadPersonContext } from "@/lib/imports/people/roster";
import { lockDistrictRoster } from "@/lib/imports/lock";
import { validatePerson } from "@/lib/imports/people/validate";
import { readSpreadsheet } from "@/lib/imports/spreadsheet/read";
import { emptyOutcomeCounts, type AppliedListener, type ApplyResult, type FileCheck, type ImportIssue, type PersonRow, type ProgressListener } from "@/lib/imports/types";

type Client = Prisma.TransactionClient;
const PROGRESS_EVERY = 1_000;

type Planned = { plan: PlannedPerson[]; issues: ImportIssue[]; invalidRows: number; rowsTotal: number };

async function planSpreadsheet(client: Client, districtId: string, content: Buffer, file: string, onProgress?: ProgressListener): Promise<Planned> {
  const context = await loadPersonContext(client, districtId);
  const issues: ImportIssue[] = [];
  const rows: PersonRow[] = [];
  let rowsTotal = 0;
  let invalidRows = 0;
  const onHeader = ({ unknown }: { unknown: string[] }) => {
    for (const name of unknown) issues.push({ kind: "warning", file, line: 1, column: name, message: `The column "${name}" is not in the template and was ignored.` });
  };
  for await (const { line, values } of readSpreadsheet(content, file, onHeader)) {
    rowsTotal++;
    const checked = validatePerson(values, { file, line }, context);
    if (checked.row) rows.push(checked.row);
    else {
      invalidRows++;
      issues.push(...checked.issues);
    }
    if (rowsTotal % PROGRESS_EVERY === 0) onProgress?.(rowsTotal);
  }
  onProgress?.(rowsTotal);
  const plan = planPeople(rows, indexPeople(await findMatchablePeople(client, districtId, identifiersOf(rows))));
  for (const item of plan) if (item.outcome === "conflict" || item.outcome === "error") issues.push(item.issue);
  issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { plan, issues, invalidRows, rowsTotal };
}

function countsOf({ plan, invalidRows }: Planned) {
  const counts = countOutcomes(plan, emptyOutcomeCounts());
  counts.error += invalidRows;
  return counts;
}

/** Validates and matches every row; writes nothing. */
export async function checkSpreadsheet(districtId: string, content: Buffer, file: string, onProgress?: ProgressListener): Promise<FileCheck> {
  const planned = await planSpreadsheet(db(), districtId, content, file, onProgress);
  const counts = countsOf(planned);
  return { format: "spreadsheet", mode: null, rowsTotal: planned.rowsTotal, counts, countsByFile: { [file]: counts }, issues: planned.issues };
}

/** Plans again against the roster as it is now and applies the rows that can be, in one transaction. */
export async function applySpreadsheet(districtId: string, content: Buffer, file: string, onProgress?: ProgressListener, onApplied?: AppliedListener): Promise<ApplyResult> {
  return db().$transaction(
    async (tx) => {
      await lockDistrictRoster(tx, districtId);
      const planned = await planSpreadsheet(tx, districtId, content, file, onProgress);
      await applyPeoplePlan(tx, districtId, planned.plan, "spreadsheet");
      const counts = countsOf(planned);
      await onApplied?.(tx, counts);
      return { counts, countsByFile: { [file]: counts }, issues: planned.issues };
    },
    { timeout: 30 * 60_000, maxWait: 60_000 },
  );
}
