// First: botbuilder-dialogs (imported by app.js) must find the recognizers' stand-ins in require's cache.
import './lazyRecognizers.js';
import 'dotenv/config';
import { startApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { SettingsError } from '../dialogs/domain/programmeSettings.js';

/** `npm start`: read and check the configuration, then serve until stopped. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  let app;
  try {
    app = await startApp(config);
  } catch (error) {
    // A broken programme settings file stops the start with its readable list of problems.
    if (error instanceof SettingsError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  app.logger.info(
    { event: 'listening', url: app.url, dataDir: config.dataDir },
    `alize-assistant listening on ${app.url}`,
  );
  const stop = (signal: string) => {
    app.logger.info({ event: 'stopping', signal }, 'stopping');
    void app.close().then(() => process.exit(0));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.on('unhandledRejection', (reason) => {
    app.logger.error({ err: reason, event: 'unhandled_rejection' }, 'unhandled rejection');
  });
}

void main();
