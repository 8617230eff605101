"use client";

// Process now: queues the inbox at once instead of waiting for the daily time.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { LocalDateTime } from "@/components/deliveries/local-time";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { processInboxNowAction } from "@/lib/sftp/actions";

type ProcessNowButtonProps = { waiting: number; lastProcessedAt: string | null };

export function ProcessNowButton({ waiting, lastProcessedAt }: ProcessNowButtonProps) {
  const router = useRouter();
  const mutation = useMutation({
    mutationFn: async () => {
      const result = await processInboxNowAction({});
      if (!result.ok) throw new Error(result.formError);
    },
    onSuccess: () => router.refresh(),
  });

  return (
    <div className="max-w-4xl space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <Button onClick={() => mutation.mutate()} disabled={mutation.isPending}>
          {mutation.isPending ? "Queueing…" : "Process now"}
        </Button>
        <span className="text-sm text-slate-600">
          {waiting === 0 ? "The inbox is empty." : `${waiting === 1 ? "1 file is" : `${waiting} files are`} waiting.`} Valid rows are applied at once,
          without a preview.
        </span>
      </div>
      <p className="text-sm text-slate-600">
        Last processed: {lastProcessedAt ? <LocalDateTime at={lastProcessedAt} relative="after" /> : "never"}.
      </p>
      {mutation.isSuccess ? (
        <Alert tone="success">
          Queued. The inbox is processed in a moment; each file then appears in the import history, and this page lists what is still waiting
          when you reload it.
        </Alert>
      ) : null}
      {mutation.isError ? <Alert tone="error">{mutation.error.message}</Alert> : null}
    </div>
  );
}
