import 'dotenv/config';
import { startApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';

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
  const app = await startApp(config);
  app.logger.info({ event: 'listening', url: app.url, dataDir: config.dataDir }, `AliZé assistant on ${app.url}`);
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
