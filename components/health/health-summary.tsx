// The instance's machinery at a glance: the job queue, the worker processes and the database.
import type { HealthFigures } from "@/lib/health/figures";

type Figure = { label: string; value: string; detail?: string; warning?: boolean };

export function HealthSummary({ health }: { health: HealthFigures }) {
  const { queue, workers, database } = health;
  const figures: Figure[] = [
    {
      label: "Jobs waiting",
      value: count(queue.waiting),
      detail: queue.oldestWaitingSeconds === null ? "None waiting" : `Oldest waiting ${formatAge(queue.oldestWaitingSeconds)}`,
      warning: (queue.oldestWaitingSeconds ?? 0) > 300,
    },
    { label: "Jobs scheduled later", value: count(queue.scheduled), detail: `${count(queue.gaveUp)} gave up after their last attempt`, warning: queue.gaveUp > 0 },
    {
      label: "Worker processes alive",
      value: count(workers.listening),
      detail: `${count(workers.holdingJobs)} working on a job now`,
      warning: workers.listening === 0,
    },
    {
      label: database.embedded ? "Embedded database" : "Database",
      value: formatBytes(database.sizeBytes),
      detail: `${count(database.connections)} connections`,
    },
  ];
  return (
    <>
      <ul className="mt-6 grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {figures.map((figure) => (
          <li key={figure.label} className={`rounded-lg border bg-white p-4 shadow-sm ${figure.warning ? "border-amber-300" : "border-slate-200"}`}>
            <p className="text-sm text-slate-500">{figure.label}</p>
            <p className="mt-1 text-2xl font-semibold">{figure.value}</p>
            {figure.detail && <p className={`mt-1 text-xs ${figure.warning ? "text-amber-800" : "text-slate-500"}`}>{figure.detail}</p>}
          </li>
        ))}
      </ul>
      {workers.listening === 0 && (
        <p className="mt-3 text-sm text-amber-800">
          No worker process is running: webhooks, file deliveries and imports wait. Start one with <code>npm run worker</code> or set ROLLCALL_WORKER_PROCESSES above 0.
        </p>
      )}
    </>
  );
}

function count(value: number): string {
  return value.toLocaleString("en-US");
}

export function formatAge(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ${Math.floor((seconds % 3600) / 60)} min`;
  return `${Math.floor(seconds / 86_400)} days`;
}

export function formatBytes(bytes: number): string {
  const units = ["bytes", "KB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}
