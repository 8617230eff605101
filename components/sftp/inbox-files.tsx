// The files waiting in the district's inbox for the next processing: name, size, when received.
import { LocalDateTime } from "@/components/deliveries/local-time";

export type WaitingFileRow = { name: string; bytes: number; receivedAt: string };

export function InboxFiles({ files }: { files: WaitingFileRow[] }) {
  if (files.length === 0) {
    return (
      <p className="max-w-4xl rounded-lg border border-dashed border-slate-300 p-8 text-center text-sm text-slate-600">
        Nothing is waiting. Files your systems put into <code>inbox/</code> appear here until they are processed.
      </p>
    );
  }
  return (
    <table className="w-full max-w-4xl overflow-hidden rounded-lg border border-slate-200 bg-white text-left text-sm shadow-sm">
      <caption className="sr-only">Files waiting in the inbox</caption>
      <thead className="bg-slate-50 text-slate-600">
        <tr>
          <th className="px-4 py-2 font-medium">File</th>
          <th className="px-4 py-2 text-right font-medium">Size</th>
          <th className="px-4 py-2 font-medium">Received</th>
        </tr>
      </thead>
      <tbody>
        {files.map((file) => (
          <tr key={file.name} className="border-t border-slate-100">
            <td className="px-4 py-2 font-mono text-xs break-all">{file.name}</td>
            <td className="px-4 py-2 text-right tabular-nums">{formatBytes(file.bytes)}</td>
            <td className="px-4 py-2">
              <LocalDateTime at={file.receivedAt} relative="after" />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
