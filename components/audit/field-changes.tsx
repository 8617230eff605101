// An audit event's before → after, one line per field side by side, the changed ones
// highlighted. A native disclosure: keyboard and screen-reader ready without script.
import { NoValue } from "@/components/ui/no-value";
import { fieldChanges } from "@/lib/audit/search";

export function FieldChanges({ before, after }: { before: unknown; after: unknown }) {
  const changes = fieldChanges(before, after);
  if (changes.length === 0) return null;
  const changed = changes.filter((change) => change.changed).length;
  return (
    <details className="mt-1.5">
      <summary className="cursor-pointer text-xs font-medium text-brand-700 hover:underline focus-visible:outline-2 focus-visible:outline-brand-500">
        Before → after <span className="font-normal text-slate-500">({changed === 1 ? "1 field changed" : `${changed} fields changed`})</span>
      </summary>
      <table className="mt-2 w-full min-w-96 border border-slate-200 text-xs">
        <caption className="sr-only">Fields before and after the change; changed fields are marked</caption>
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            <th scope="col" className="px-2 py-1 font-semibold">Field</th>
            <th scope="col" className="px-2 py-1 font-semibold">Before</th>
            <th scope="col" className="px-2 py-1 font-semibold">After</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {changes.map((change) => (
            <tr key={change.field} className={change.changed ? "bg-amber-50 text-slate-900" : "text-slate-500"}>
              <th scope="row" className="px-2 py-1 text-left font-mono font-normal">
                {change.field}
                {change.changed ? <span className="sr-only"> (changed)</span> : null}
              </th>
              <td className="max-w-64 px-2 py-1 font-mono break-all">
                <FieldValue value={change.before} />
              </td>
              <td className={`max-w-64 px-2 py-1 font-mono break-all${change.changed ? " font-semibold" : ""}`}>
                <FieldValue value={change.after} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function FieldValue({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <NoValue />;
  return <>{typeof value === "string" ? value : JSON.stringify(value)}</>;
}
