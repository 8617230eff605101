// An OpenAPI 3.1 document as a readable page: each operation with its parameters and
// answers. Server-rendered, no script; the JSON itself is a link away.
type Parameter = { name: string; in: string; required?: boolean; description?: string; schema?: { type?: string | string[]; default?: unknown; maximum?: number } };
type Operation = { summary?: string; description?: string; parameters?: Parameter[]; responses?: Record<string, { description?: string }> };
export type OpenApiDocument = {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Partial<Record<"get" | "post" | "put" | "patch" | "delete", Operation>>>;
};

const METHOD_COLOURS: Record<string, string> = { get: "bg-emerald-100 text-emerald-900", post: "bg-brand-100 text-brand-700" };

export function OpenApiView({ document, jsonUrl, id }: { document: OpenApiDocument; jsonUrl: string; id: string }) {
  return (
    <section aria-labelledby={id} className="mt-10">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h2 id={id} className="text-xl font-semibold">
          {document.info.title} <span className="text-sm font-normal text-slate-500">v{document.info.version}</span>
        </h2>
        <a href={jsonUrl} className="text-sm text-brand-700 underline">
          OpenAPI 3.1 (JSON)
        </a>
      </div>
      {document.info.description && <p className="mt-2 max-w-3xl text-sm text-slate-700">{document.info.description}</p>}
      <div className="mt-4 space-y-4">
        {Object.entries(document.paths).flatMap(([path, operations]) =>
          Object.entries(operations).map(([method, operation]) => (
            <OperationView key={`${method} ${path}`} method={method} path={path} operation={operation as Operation} />
          )),
        )}
      </div>
    </section>
  );
}

function OperationView({ method, path, operation }: { method: string; path: string; operation: Operation }) {
  return (
    <article className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-label={`${method.toUpperCase()} ${path}`}>
      <h3 className="flex flex-wrap items-center gap-2 font-mono text-sm">
        <span className={`rounded px-2 py-0.5 text-xs font-bold uppercase ${METHOD_COLOURS[method] ?? "bg-slate-100"}`}>{method}</span>
        <span className="break-all">{path}</span>
      </h3>
      {operation.summary && <p className="mt-2 text-sm font-medium">{operation.summary}</p>}
      {operation.description && <p className="mt-1 text-sm text-slate-600">{operation.description}</p>}
      {operation.parameters && operation.parameters.length > 0 && (
        <table className="mt-3 w-full text-left text-sm">
          <caption className="sr-only">Parameters</caption>
          <thead className="text-xs text-slate-500">
            <tr>
              <th className="py-1 pr-4 font-medium">Parameter</th>
              <th className="py-1 pr-4 font-medium">In</th>
              <th className="py-1 font-medium">Description</th>
            </tr>
          </thead>
          <tbody>
            {operation.parameters.map((parameter) => (
              <tr key={`${parameter.in}:${parameter.name}`} className="border-t border-slate-100 align-top">
                <td className="py-1 pr-4 font-mono text-xs">
                  {parameter.name}
                  {parameter.required && <span className="text-red-700"> *</span>}
                </td>
                <td className="py-1 pr-4 text-slate-600">{parameter.in}</td>
                <td className="py-1 text-slate-700">{parameter.description ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {operation.responses && (
        <dl className="mt-3 grid grid-cols-[4rem_1fr] gap-x-3 gap-y-1 text-sm">
          {Object.entries(operation.responses).map(([status, response]) => (
            <div key={status} className="contents">
              <dt className="font-mono text-xs leading-5 text-slate-500">{status}</dt>
              <dd className="text-slate-700">{response.description}</dd>
            </div>
          ))}
        </dl>
      )}
    </article>
  );
}
