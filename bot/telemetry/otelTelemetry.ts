import {
  context,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Meter,
  type Span,
  type Tracer,
} from '@opentelemetry/api';
import type { HttpEnd, OpenSpan, Telemetry, TurnEnd } from './telemetry.js';

/**
 * The Telemetry interface over an OpenTelemetry tracer and meter. Every attribute is a kind, an outcome, a route
 * template or a duration: the error recorded on a failed span is its class and code, never its message (which
 * may quote a file's content or a user's answer).
 */
export function createOtelTelemetry(tracer: Tracer, meter: Meter): Omit<Telemetry, 'shutdown'> {
  const turns = meter.createCounter('alize.turns', { description: 'Turns served' });
  const turnDuration = meter.createHistogram('alize.turn.duration', { unit: 'ms' });
  const storageDuration = meter.createHistogram('alize.storage.duration', { unit: 'ms' });
  const httpDuration = meter.createHistogram('http.server.request.duration', { unit: 's' });

  return {
    enabled: true,
    startTurn: (facts) => {
      const base = { 'alize.channel': facts.channel, 'alize.activity_type': facts.activityType };
      const started = performance.now();
      return openSpan<TurnEnd>(tracer.startSpan('turn', { attributes: base }), {
        end: (span, result) => {
          const attributes: Attributes = { ...base, 'alize.turn.outcome': result.outcome };
          if (result.dialog) attributes['alize.dialog'] = result.dialog;
          span.setAttributes(attributes);
          turns.add(1, { ...base, 'alize.turn.outcome': result.outcome });
          turnDuration.record(performance.now() - started, { ...base, 'alize.turn.outcome': result.outcome });
        },
        fail: () => {
          turns.add(1, { ...base, 'alize.turn.outcome': 'error' });
        },
      });
    },
    startHttp: (method) => {
      const started = performance.now();
      const span = tracer.startSpan(method, {
        kind: SpanKind.SERVER,
        attributes: { 'http.request.method': method },
      });
      return openSpan<HttpEnd>(span, {
        end: (open, { route, status }) => {
          open.updateName(`${method} ${route}`);
          open.setAttributes({ 'http.route': route, 'http.response.status_code': status });
          if (status >= 500) open.setStatus({ code: SpanStatusCode.ERROR });
          httpDuration.record((performance.now() - started) / 1000, {
            'http.request.method': method,
            'http.route': route,
            'http.response.status_code': status,
          });
        },
      });
    },
    storage: async (backend, operation, keyKinds, run) => {
      const kinds = [...new Set(keyKinds)].sort();
      const attributes: Attributes = {
        'db.system': backend,
        'db.operation.name': operation,
        'alize.storage.key_kinds': kinds,
      };
      const span = tracer.startSpan(`storage ${operation}`, { kind: SpanKind.CLIENT, attributes });
      const started = performance.now();
      let outcome = 'ok';
      try {
        return await context.with(trace.setSpan(context.active(), span), run);
      } catch (error) {
        outcome = 'error';
        markFailed(span, error);
        throw error;
      } finally {
        span.end();
        storageDuration.record(performance.now() - started, {
          'db.system': backend,
          'db.operation.name': operation,
          'alize.storage.outcome': outcome,
        });
      }
    },
  };
}

function openSpan<End>(
  span: Span,
  hooks: { end: (span: Span, result: End) => void; fail?: (span: Span) => void },
): OpenSpan<End> {
  let open = true;
  return {
    within: (run) => context.with(trace.setSpan(context.active(), span), run),
    end: (result) => {
      if (!open) return;
      open = false;
      hooks.end(span, result);
      span.end();
    },
    fail: (error) => {
      if (!open) return;
      open = false;
      markFailed(span, error);
      hooks.fail?.(span);
      span.end();
    },
  };
}

/** The error's class and code only. */
function markFailed(span: Span, error: unknown): void {
  const { code, name } = (error ?? {}) as { code?: unknown; name?: unknown };
  const kind = typeof code === 'string' ? code : typeof name === 'string' ? name : 'unknown';
  span.setAttribute('error.type', kind);
  span.setStatus({ code: SpanStatusCode.ERROR });
}
