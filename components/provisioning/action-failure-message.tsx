// A failed server action in words: its message, then each field problem named the way the
// form labels that field, because inside the dialog the form's own error hints are hidden.
import type { ActionFailure } from "@/lib/actions/result";

export function ActionFailureMessage({ failure }: { failure: ActionFailure }) {
  const fieldProblems = Object.entries(failure.fieldErrors ?? {});
  return (
    <>
      <p>{failure.formError}</p>
      {fieldProblems.length > 0 ? (
        <ul className="mt-1 list-disc pl-5">
          {fieldProblems.map(([path, message]) => (
            <li key={path}>
              {fieldLabel(path)}: {message}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

function fieldLabel(path: string): string {
  if (path === "webhookUrl") return "Webhook URL";
  if (path === "buttonLabel") return "Button label";
  const header = /^headers\.(\d+)\.(name|value)$/.exec(path);
  if (header) return `Header ${Number(header[1]) + 1} ${header[2]}`;
  if (path.startsWith("headers")) return "Custom headers";
  return "Settings";
}
