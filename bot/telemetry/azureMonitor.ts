import { AzureMonitorMetricExporter, AzureMonitorTraceExporter } from '@azure/monitor-opentelemetry-exporter';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { startOpenTelemetry } from './otelSdk.js';
import type { Telemetry } from './telemetry.js';

/** Spans in batches, metrics every minute, to the Application Insights of the connection string. */
export function startAzureMonitor(connectionString: string): Telemetry {
  return startOpenTelemetry({
    spanProcessor: new BatchSpanProcessor(new AzureMonitorTraceExporter({ connectionString })),
    metricReader: new PeriodicExportingMetricReader({
      exporter: new AzureMonitorMetricExporter({ connectionString }),
      exportIntervalMillis: 60_000,
    }),
  });
}
