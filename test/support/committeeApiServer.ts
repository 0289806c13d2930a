import type { AddressInfo } from 'node:net';
import restify from 'restify';
import { registerCommitteeApi } from '../../committee/committeeApi.js';
import { createLogger } from '../../bot/logger.js';
import type { DocumentStore } from '../../storage/documentStore.js';
import type { ApplicationQueue } from '../../storage/index.js';
import type { ProgrammeSettings } from '../../dialogs/domain/programmeSettings.js';
import { settings as fixtureSettings } from './programmeFixture.js';

export interface CommitteeApiServer {
  url: string;
  close: () => Promise<void>;
}

/**
 * A bare restify server with only the committee API on `queue` (any back end), and its documents when given,
 * on a free loopback port; the PDFs read the frozen programme settings of the tests.
 */
export async function startCommitteeApiServer(
  queue: ApplicationQueue,
  token: string,
  clock: () => Date = () => new Date('2026-11-20T10:00:00Z'),
  documents?: DocumentStore,
  settings: ProgrammeSettings = fixtureSettings,
): Promise<CommitteeApiServer> {
  const server = restify.createServer({ handleUncaughtExceptions: false });
  server.use(restify.plugins.jsonBodyParser({ mapParams: false }));
  registerCommitteeApi(server, {
    queue,
    token,
    logger: createLogger('silent'),
    clock,
    settings,
    ...(documents ? { documents } : {}),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
