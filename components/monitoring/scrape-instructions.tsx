// How a monitoring system reads this instance: the metrics URL (operator token), a Prometheus
// scrape_config, and the liveness URL for load balancers (no token).
import { CopyableValue } from "@/components/monitoring/copyable-value";
import type { MonitoringEndpoints } from "@/lib/monitoring/scrape-config";
import { TOKEN_FILE } from "@/lib/monitoring/scrape-config";

export function ScrapeInstructions({ endpoints }: { endpoints: MonitoringEndpoints }) {
  return (
    <div className="space-y-4">
      <CopyableValue
        label="Metrics URL"
        description="Prometheus text format. Requests need an operator token in the Authorization header; without one they get 401."
        value={endpoints.metricsUrl}
        copyLabel="Copy metrics URL"
      />
      <CopyableValue
        label="Prometheus scrape_config"
        description={`Put the operator token, alone, in ${TOKEN_FILE} on the Prometheus server (readable by Prometheus only), then add this job to prometheus.yml.`}
        value={endpoints.scrapeConfig}
        copyLabel="Copy scrape_config"
        multiline
      />
      <CopyableValue
        label="Liveness URL"
        description="For load balancers and uptime checks: no token needed. Answers 200 while the database answers, 503 otherwise, and names no tenant."
        value={endpoints.healthUrl}
        copyLabel="Copy liveness URL"
      />
    </div>
  );
}
