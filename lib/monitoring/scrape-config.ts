// The addresses monitoring tools are given on the Monitoring page, and a Prometheus
// scrape_config for this instance, derived from its public URL.

export const TOKEN_FILE = "/etc/prometheus/rollcall-operator-token";

export type MonitoringEndpoints = { metricsUrl: string; healthUrl: string; scrapeConfig: string };

export function monitoringEndpoints(publicUrl: string): MonitoringEndpoints {
  const base = new URL(publicUrl);
  const basePath = base.pathname.replace(/\/+$/, "");
  const metricsPath = `${basePath}/api/metrics`;
  const scrapeConfig = [
    "scrape_configs:",
    "  - job_name: rollcall",
    // collectHealth runs several queries; once a minute is plenty for these figures.
    "    scrape_interval: 60s",
    `    scheme: ${base.protocol.replace(/:$/, "")}`,
    `    metrics_path: ${metricsPath}`,
    "    authorization:",
    "      type: Bearer",
    `      credentials_file: ${TOKEN_FILE}`,
    "    static_configs:",
    `      - targets: ["${base.host}"]`,
  ].join("\n");
  return { metricsUrl: `${base.origin}${metricsPath}`, healthUrl: `${base.origin}${basePath}/api/health`, scrapeConfig };
}
