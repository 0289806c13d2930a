import { ConfigError, loadConfig } from '../../bot/config.js';

/** The problems start-up would report for that environment (none: an empty list). */
export function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env, '/srv/alize');
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}
