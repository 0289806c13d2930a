/** APPLICATIONINSIGHTS_CONNECTION_STRING: telemetry to Application Insights when set, none otherwise. */
export interface TelemetryConfig {
  connectionString: string;
}

/**
 * Reads the setting; the value is a secret-like string (ingestion key), so a problem names the variable only.
 * Application Insights' portal shows it as `InstrumentationKey=…;IngestionEndpoint=https://…`.
 */
export function readTelemetry(
  text: (name: string) => string,
  problems: string[],
): TelemetryConfig | undefined {
  const connectionString = text('APPLICATIONINSIGHTS_CONNECTION_STRING');
  if (connectionString === '') return undefined;
  if (!/(?:^|;)\s*InstrumentationKey=[0-9a-f-]{36}\s*(?:;|$)/i.test(connectionString)) {
    problems.push(
      'APPLICATIONINSIGHTS_CONNECTION_STRING is not an Application Insights connection string: expected "InstrumentationKey=<guid>;IngestionEndpoint=https://…" (Azure portal, Application Insights, Overview)',
    );
    return undefined;
  }
  return { connectionString };
}
