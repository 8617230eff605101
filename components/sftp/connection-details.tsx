// How a district's system reaches its SFTP account: host, port, username and the host key's
// fingerprint (to check on first connection), each with a copy button, and an example command.
import { CopyButton } from "@/components/ui/copy-button";

export type ConnectionDetailsProps = { host: string; port: number; username: string; fingerprint: string };

export function ConnectionDetails({ host, port, username, fingerprint }: ConnectionDetailsProps) {
  const command = `sftp -P ${port} ${username}@${host}`;
  const rows = [
    { label: "Host", value: host },
    { label: "Port", value: String(port) },
    { label: "Username", value: username },
    { label: "Host key fingerprint", value: fingerprint },
    { label: "Example command", value: command },
  ];
  return (
    <dl className="max-w-4xl divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-sm">
      {rows.map((row) => (
        <div key={row.label} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-5 py-3">
          <dt className="w-44 shrink-0 text-sm font-medium text-slate-800">{row.label}</dt>
          <dd className="flex min-w-0 flex-1 flex-wrap items-center justify-between gap-3">
            <code className="font-mono text-sm break-all text-slate-900">{row.value}</code>
            <CopyButton text={row.value} label={`Copy ${row.label.toLowerCase()}`} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
