import { context } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { MeterProvider, type MetricReader } from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { createOtelTelemetry } from './otelTelemetry.js';
import type { Telemetry } from './telemetry.js';

export interface OtelExport {
  spanProcessor: SpanProcessor;
  metricReader: MetricReader;
}

/**
 * Our own tracer and meter providers (no automatic instrumentation of http or of any library: those would record
 * URLs with their query, headers or bodies), with the async context so storage spans nest under their turn.
 */
export function startOpenTelemetry(exporting: OtelExport): Telemetry {
  const resource = resourceFromAttributes({ 'service.name': 'alize-assistant' });
  const tracerProvider = new BasicTracerProvider({ resource, spanProcessors: [exporting.spanProcessor] });
  const meterProvider = new MeterProvider({ resource, readers: [exporting.metricReader] });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  const telemetry = createOtelTelemetry(
    tracerProvider.getTracer('alize-assistant'),
    meterProvider.getMeter('alize-assistant'),
  );
  return {
    ...telemetry,
    shutdown: async () => {
      await Promise.allSettled([tracerProvider.shutdown(), meterProvider.shutdown()]);
      context.disable();
    },
  };
}
