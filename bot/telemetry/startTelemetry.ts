import { NO_TELEMETRY, type Telemetry } from './telemetry.js';
import type { TelemetryConfig } from './telemetryConfig.js';

/**
 * Application Insights when configured; otherwise NO_TELEMETRY, and no OpenTelemetry module is even loaded, so an
 * unconfigured server starts as fast as before.
 */
export async function startTelemetry(config: TelemetryConfig | undefined): Promise<Telemetry> {
  if (!config) return NO_TELEMETRY;
  const { startAzureMonitor } = await import('./azureMonitor.js');
  return startAzureMonitor(config.connectionString);
}
