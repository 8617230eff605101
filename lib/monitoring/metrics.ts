// The health figures in Prometheus text exposition format 0.0.4, for GET /api/metrics. A fresh
// registry per scrape: nothing is kept between requests, so every scrape reads the database anew.
// Labels are bounded (a state, never a tenant): names of tenants stay out of monitoring systems.
// After them come the standard process_* and nodejs_* metrics of the web process that answered.
import { collectDefaultMetrics, Gauge, Registry } from "prom-client";
import { db } from "@/lib/db";
import { collectHealth, type HealthFigures } from "@/lib/health/figures";
import { publicFigures } from "@/lib/health/liveness";

export const METRICS_CONTENT_TYPE = Registry.PROMETHEUS_CONTENT_TYPE;

export type TenantCounts = {
  vendors: { active: number; suspended: number };
  /** The sandbox district of test webhooks is not counted: it is no customer. */
  districts: { active: number; suspended: number };
};

type Sample = { labels?: Record<string, string>; value: number };

/** Collects the figures now and renders them, followed by this process's own metrics. */
export async function collectMetrics(now = new Date()): Promise<string> {
  const [health, tenants] = await Promise.all([collectHealth(now), countTenants()]);
  return `${await renderMetrics(health, tenants)}\n${await processRegistry().metrics()}`;
}

let processMetrics: Registry | undefined;

/** Memory, CPU, event loop lag, garbage collection: kept for the process's life, as the event loop and GC figures accumulate. */
function processRegistry(): Registry {
  if (!processMetrics) {
    processMetrics = new Registry();
    collectDefaultMetrics({ register: processMetrics });
  }
  return processMetrics;
}

export async function renderMetrics(health: HealthFigures, tenants: TenantCounts): Promise<string> {
  const figures = publicFigures(health);
  const registry = new Registry();
  const gauge = (name: string, help: string, samples: Sample[] | number, labelNames: string[] = []) => {
    const metric = new Gauge({ name: `rollcall_${name}`, help, labelNames, registers: [registry] });
    for (const sample of typeof samples === "number" ? [{ value: samples }] : samples) {
      if (sample.labels) metric.set(sample.labels, sample.value);
      else metric.set(sample.value);
    }
  };
  const byState = (counts: Record<string, number>): Sample[] => Object.entries(counts).map(([state, value]) => ({ labels: { state }, value }));

  gauge(
    "job_queue_jobs",
    "Jobs in the queue by state: waiting (due now, no worker has taken it yet), scheduled (set to run later), gave_up (used all its attempts).",
    byState({ waiting: figures.queueWaiting, scheduled: figures.queueScheduled, gave_up: figures.queueGaveUp }),
    ["state"],
  );
  gauge("job_queue_oldest_waiting_age_seconds", "How long the oldest waiting job has been due, in seconds; 0 when no job waits.", figures.queueOldestWaitingSeconds ?? 0);
  gauge("workers_listening", "Worker processes connected and listening for new jobs.", figures.workersListening);
  gauge("workers_holding_jobs", "Worker processes holding a job right now.", figures.workersHoldingJobs);
  gauge("webhook_endpoints_failing", "Applications whose latest webhook message did not get through.", figures.failingWebhookEndpoints);
  gauge("file_deliveries_failed_last_day", "SFTP file deliveries that failed in the last 24 hours.", figures.failedDeliveriesLast24h);
  gauge("imports_failed_last_day", "Roster imports that failed in the last 24 hours.", figures.failedImportsLast24h);
  gauge("scim_tokens_failing", "SCIM tokens most of whose recent requests (last 24 hours) failed.", figures.noisyScimTokens);
  gauge("database_size_bytes", "Size of Rollcall's PostgreSQL database in bytes.", figures.databaseSizeBytes);
  gauge("database_connections", "Open connections to Rollcall's PostgreSQL database.", figures.databaseConnections);
  gauge("database_embedded", "1 when Rollcall runs its own embedded PostgreSQL, 0 for an external database.", health.database.embedded ? 1 : 0);
  gauge("vendors", "Vendors by state: active or suspended by an operator.", byState(tenants.vendors), ["state"]);
  gauge("districts", "Districts by state: active or suspended by an operator.", byState(tenants.districts), ["state"]);

  return registry.metrics();
}

async function countTenants(): Promise<TenantCounts> {
  const [vendorsActive, vendorsSuspended, districtsActive, districtsSuspended] = await Promise.all([
    db().vendor.count({ where: { suspendedAt: null } }),
    db().vendor.count({ where: { suspendedAt: { not: null } } }),
    db().district.count({ where: { sandbox: false, suspendedAt: null } }),
    db().district.count({ where: { sandbox: false, suspendedAt: { not: null } } }),
  ]);
  return { vendors: { active: vendorsActive, suspended: vendorsSuspended }, districts: { active: districtsActive, suspended: districtsSuspended } };
}
