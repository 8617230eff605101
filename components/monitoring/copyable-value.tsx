// A value to paste into another system (a URL, a configuration snippet), with a copy button.
import { useId } from "react";
import { CopyButton } from "@/components/ui/copy-button";

type CopyableValueProps = { label: string; value: string; copyLabel: string; description?: string; multiline?: boolean };

export function CopyableValue({ label, value, copyLabel, description, multiline = false }: CopyableValueProps) {
  const labelId = useId();
  return (
    <div className="max-w-2xl rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex flex-wrap items-start gap-3">
        <div className="min-w-0 flex-1">
          <p id={labelId} className="text-sm font-medium text-slate-800">
            {label}
          </p>
          {description ? <p className="mt-0.5 text-sm text-slate-600">{description}</p> : null}
        </div>
        <CopyButton text={value} label={copyLabel} />
      </div>
      {multiline ? (
        <pre aria-labelledby={labelId} tabIndex={0} className="mt-3 overflow-x-auto rounded bg-slate-50 p-3 font-mono text-xs text-slate-900 ring-1 ring-slate-200">
          {value}
        </pre>
      ) : (
        <code aria-labelledby={labelId} className="mt-1 block font-mono text-sm break-all text-slate-900">
          {value}
        </code>
      )}
    </div>
  );
}
