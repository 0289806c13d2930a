import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { ConversationState, UserState, type Storage } from 'botbuilder';
import type { Server } from 'restify';
import { AboutDialog } from '../dialogs/aboutDialog.js';
import { loadCommuneIndex } from '../dialogs/domain/communes.js';
import { loadProgrammeSettings, type ProgrammeSettings } from '../dialogs/domain/programmeSettings.js';
import { ApplicationDialog } from '../dialogs/applicationDialog.js';
import { EligibilityDialog } from '../dialogs/eligibilityDialog.js';
import { profileEligibilityStore } from '../dialogs/eligibilityStore.js';
import { createLowdbApplicationQueue } from '../storage/lowdbApplicationQueue.js';
import type { ApplicationQueue } from '../storage/applicationQueue.js';
import type { UserProfile } from '../dialogs/userProfile.js';
import { warmUpRecognizers } from '../dialogs/french/recognizersWarmup.js';
import { RootDialog } from '../dialogs/rootDialog.js';
import { LowdbStorage } from '../storage/lowdbStorage.js';
import { createAdapter } from './adapter.js';
import { AlizeBot } from './alizeBot.js';
import type { AppConfig } from './config.js';
import { Localizer } from './i18n.js';
import { createLogger, type Logger } from './logger.js';
import { createServer } from './server.js';
import { registerWebChannel } from './webChannel.js';

export interface RunningApp {
  server: Server;
  url: string;
  logger: Logger;
  storage: Storage;
  queue: ApplicationQueue;
  /** Resolves with the warm-up figures once /healthz reports ready. */
  ready: Promise<{ ms: number }>;
  close: () => Promise<void>;
}

export interface AppOverrides {
  logger?: Logger;
  storage?: Storage;
  /** The current time, for tests that need a given day (the call window, office hours). */
  clock?: () => Date;
  settings?: ProgrammeSettings;
  queue?: ApplicationQueue;
}

/** Builds every part from the configuration and starts listening; used by index.ts and by the HTTP tests. */
export async function startApp(config: AppConfig, overrides: AppOverrides = {}): Promise<RunningApp> {
  const startedAt = Date.now();
  const logger = overrides.logger ?? createLogger(config.logLevel);
  fs.mkdirSync(config.dataDir, { recursive: true });

  const settings = overrides.settings ?? loadProgrammeSettings(config.programmeFile);
  const clock = overrides.clock ?? (() => new Date());
  const storage = overrides.storage ?? new LowdbStorage({ dir: path.join(config.dataDir, 'state') });
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const localizer = new Localizer();
  const queue = overrides.queue ?? createLowdbApplicationQueue(config.dataDir);
  const rootDialog = createRootDialog({ userState, settings, clock, queue });
  const bot = new AlizeBot({ conversationState, userState, rootDialog, logger });
  const adapter = createAdapter(config.auth, localizer, logger, conversationState);

  let isReady = false;
  const ready = warmUp(localizer).then((figures) => {
    isReady = true;
    logger.info({ event: 'ready', warmUpMs: figures.ms, sinceStartMs: Date.now() - startedAt }, 'ready');
    return figures;
  });

  const server = createServer({
    adapter,
    runTurn: (context) => bot.run(context),
    logger,
    maxBodyBytes: config.maxBodyBytes,
    ready,
    isReady: () => isReady,
    startedAt,
  });
  registerWebChannel(server, {
    adapter,
    runTurn: (context) => bot.run(context),
    logger,
    botAppId: config.auth.appId,
    ready,
    directLineSecret: config.directLineSecret,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;

  return {
    server,
    url: `http://${shownHost}:${port}`,
    logger,
    storage,
    queue,
    ready,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The dialogs of the product, wired to their dependencies (state, settings, clock). */
export interface DialogDeps {
  userState: UserState;
  settings: ProgrammeSettings;
  clock: () => Date;
  queue: ApplicationQueue;
}

export function createRootDialog({ userState, settings, clock, queue }: DialogDeps): RootDialog {
  const profiles = userState.createProperty<UserProfile>('profile');
  const application = new ApplicationDialog(profiles, settings, clock, queue);
  return new RootDialog([
    {
      entry: 'eligibility',
      dialog: new EligibilityDialog(profileEligibilityStore(profiles), settings, clock),
    },
    { entry: 'apply', dialog: application },
    { entry: 'resume', dialog: application, options: { resume: true } },
    { entry: 'about', dialog: new AboutDialog() },
  ]);
}

/** Builds the lazily built models and indexes before the first user needs them. */
async function warmUp(localizer: Localizer): Promise<{ ms: number }> {
  const started = performance.now();
  loadCommuneIndex();
  await warmUpRecognizers();
  localizer.language('fr').t('common:greeting.hello');
  localizer.language('en').t('common:greeting.hello');
  return { ms: Math.round(performance.now() - started) };
}
