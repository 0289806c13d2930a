import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * JSON logs, one line per event. Personal data never goes in: callers log ids, dialog names and timings,
 * not what users typed. The redact list is a safety net for fields that might slip through.
 */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  const options = {
    level,
    base: { app: 'alize-assistant' },
    redact: {
      paths: [
        'text',
        '*.text',
        'activity.text',
        'value',
        '*.value',
        'email',
        'phone',
        'siret',
        'name',
        'from.name',
      ],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
