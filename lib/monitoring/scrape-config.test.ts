import { describe, expect, it } from "vitest";
import { monitoringEndpoints, TOKEN_FILE } from "@/lib/monitoring/scrape-config";

describe("monitoringEndpoints", () => {
  it("gives the metrics and health URLs and a scrape_config that reads the token from a file", () => {
    const endpoints = monitoringEndpoints("https://rollcall.example.org");
    expect(endpoints.metricsUrl).toBe("https://rollcall.example.org/api/metrics");
    expect(endpoints.healthUrl).toBe("https://rollcall.example.org/api/health");
    expect(endpoints.scrapeConfig).toContain("scheme: https");
    expect(endpoints.scrapeConfig).toContain("metrics_path: /api/metrics");
    expect(endpoints.scrapeConfig).toContain(`credentials_file: ${TOKEN_FILE}`);
    expect(endpoints.scrapeConfig).toContain('targets: ["rollcall.example.org"]');
  });

  it("keeps a port and a path prefix the instance is served under", () => {
    const endpoints = monitoringEndpoints("http://10.0.0.5:8080/rollcall");
    expect(endpoints.metricsUrl).toBe("http://10.0.0.5:8080/rollcall/api/metrics");
    expect(endpoints.healthUrl).toBe("http://10.0.0.5:8080/rollcall/api/health");
    expect(endpoints.scrapeConfig).toContain("scheme: http\n");
    expect(endpoints.scrapeConfig).toContain("metrics_path: /rollcall/api/metrics");
    expect(endpoints.scrapeConfig).toContain('targets: ["10.0.0.5:8080"]');
  });
});
