import { TableClient } from '@azure/data-tables';
import { createStores } from '../../storage/createStores.js';
import { describeFunnelContract } from '../contract/funnelContract.js';
import { azureBackend, startAzurite, type RunningAzurite } from '../support/azurite.js';

let azurite: RunningAzurite;
beforeAll(async () => {
  azurite = await startAzurite();
});
afterAll(async () => {
  await azurite?.stop();
});

/** What STORAGE=azure builds on Azurite, with a table of its own per test: one entity per month and step. */
describeFunnelContract('azure', () => {
  const backend = azureBackend(azurite);
  return {
    open: () => createStores({ dataDir: '', backend }).funnel,
    raw: async () => {
      const table = TableClient.fromConnectionString(backend.connectionString, backend.funnelTable!, {
        allowInsecureConnection: true,
      });
      const entities: unknown[] = [];
      for await (const entity of table.listEntities()) entities.push(entity);
      return JSON.stringify(entities);
    },
  };
});

test('each counter is an entity holding only its month, its step and its count', async () => {
  const backend = azureBackend(azurite);
  await createStores({ dataDir: '', backend }).funnel.add({ '2026-11': { 'check.started': 2 } });
  const table = TableClient.fromConnectionString(backend.connectionString, backend.funnelTable!, {
    allowInsecureConnection: true,
  });
  const entity = await table.getEntity<Record<string, unknown>>('2026-11', 'check.started');
  expect(entity.count).toBe(2);
  // Besides what the service adds itself (etag, timestamp, odata metadata), nothing but the count.
  const own = Object.keys(entity).filter((key) => !['etag', 'timestamp', 'odata.metadata'].includes(key));
  expect(own.sort()).toEqual(['count', 'partitionKey', 'rowKey']);
});
