// The problems found in an import, with a cap per file and kind: a file of 500,000 broken rows
// reports the first thousand and how many more there were, and is still counted in full.
import type { ImportIssue } from "@/lib/imports/types";

export const ISSUES_PER_FILE = 1_000;

export class IssueLog {
  private readonly issues: ImportIssue[] = [];
  private readonly listed = new Map<string, number>();
  private readonly unlisted = new Map<string, { file: string | null; kind: ImportIssue["kind"]; count: number }>();

  add(issue: ImportIssue): void {
    const key = `${issue.kind}|${issue.file ?? ""}`;
    const count = this.listed.get(key) ?? 0;
    if (count < ISSUES_PER_FILE) {
      this.listed.set(key, count + 1);
      this.issues.push(issue);
      return;
    }
    const entry = this.unlisted.get(key) ?? { file: issue.file, kind: issue.kind, count: 0 };
    entry.count++;
    this.unlisted.set(key, entry);
  }

  list(): ImportIssue[] {
    const summaries = [...this.unlisted.values()].map(
      ({ file, kind, count }): ImportIssue => ({
        kind,
        file,
        line: null,
        column: null,
        message: `${count.toLocaleString("en-US")} more ${kind === "warning" ? "warnings" : kind === "conflict" ? "conflicts" : "errors"} in ${file} are not listed. Correct the ones above and check the file again.`,
      }),
    );
    return [...this.issues, ...summaries];
  }
}
