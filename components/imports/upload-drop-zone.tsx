"use client";

// Drag a file here or choose one: it is sent as the request body so that the browser can show
// how much has gone up, then the import's own page shows validation and the preview.
import { useRouter } from "next/navigation";
import { useRef, useState, type DragEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ProgressBar } from "@/components/ui/progress-bar";

const ACCEPT = ".csv,.xlsx,.xls,.zip";
type State = { kind: "idle" } | { kind: "uploading"; name: string; percent: number } | { kind: "failed"; message: string };

function upload(file: File, onProgress: (percent: number) => void): Promise<{ importId: string }> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", `/api/district/imports?name=${encodeURIComponent(file.name)}`);
    request.setRequestHeader("Content-Type", "application/octet-stream");
    request.upload.onprogress = (event) => event.lengthComputable && onProgress(Math.round((event.loaded / event.total) * 100));
    request.onload = () => {
      const body = (() => {
        try {
          return JSON.parse(request.responseText) as { importId?: string; error?: string };
        } catch {
          return {};
        }
      })();
      if (request.status === 201 && body.importId) resolve({ importId: body.importId });
      else reject(new Error(body.error ?? `The upload failed (HTTP ${request.status}). Try again.`));
    };
    request.onerror = () => reject(new Error("The upload was interrupted. Check your connection and try again."));
    request.send(file);
  });
}

export function UploadDropZone({ maxMegabytes }: { maxMegabytes: number }) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<State>({ kind: "idle" });
  const [dragging, setDragging] = useState(false);

  async function send(file: File | undefined) {
    if (!file) return;
    if (file.size > maxMegabytes * 1024 * 1024) {
      setState({ kind: "failed", message: `${file.name} is larger than ${maxMegabytes} MB, the most an import accepts. Split it into smaller files.` });
      return;
    }
    setState({ kind: "uploading", name: file.name, percent: 0 });
    try {
      const { importId } = await upload(file, (percent) => setState({ kind: "uploading", name: file.name, percent }));
      router.push(`/district/imports/${importId}`);
    } catch (error) {
      setState({ kind: "failed", message: (error as Error).message });
    } finally {
      if (input.current) input.current.value = "";
    }
  }

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void send(event.dataTransfer.files[0]);
  };

  return (
    <div className="space-y-3">
      <div
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={`flex flex-col items-center justify-center gap-3 rounded-lg border-2 border-dashed px-6 py-10 text-center ${dragging ? "border-brand-500 bg-brand-50" : "border-slate-300 bg-white"}`}
      >
        <p className="text-sm text-slate-700">Drag a people spreadsheet (.csv, .xlsx) or a OneRoster CSV zip here, or</p>
        <Button onClick={() => input.current?.click()} disabled={state.kind === "uploading"}>
          Choose a file
        </Button>
        <input ref={input} type="file" accept={ACCEPT} className="sr-only" aria-label="File to import" onChange={(event) => void send(event.target.files?.[0])} />
        <p className="text-xs text-slate-500">Up to {maxMegabytes} MB. Nothing is written until you have seen the preview and confirmed.</p>
      </div>
      {state.kind === "uploading" ? (
        <div className="space-y-1">
          <p className="text-sm text-slate-700">
            Uploading {state.name}… {state.percent}%
          </p>
          <ProgressBar label={`Uploading ${state.name}`} value={state.percent} max={100} />
        </div>
      ) : null}
      {state.kind === "failed" ? <Alert tone="error">{state.message}</Alert> : null}
    </div>
  );
}
