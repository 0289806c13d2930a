import { TableClient } from '@azure/data-tables';
import { QueueClient } from '@azure/storage-queue';
import { StorageQueueNotifier } from '../../storage/applicationNotifier.js';
import { AzureApplicationQueue } from '../../storage/azureApplicationQueue.js';
import { CorruptEntityError, EntityTooLargeError } from '../../storage/entityJson.js';
import { newApplication, referencesUpTo } from '../contract/queueContract.js';
import { startAzurite, uniqueName, type RunningAzurite } from '../support/azurite.js';

let azurite: RunningAzurite;
beforeAll(async () => {
  azurite = await startAzurite();
});
afterAll(async () => {
  await azurite?.stop();
});

let tableName: string;
let queue: AzureApplicationQueue;
/** The table as an operator with Storage Explorer sees it. */
let table: TableClient;
beforeEach(() => {
  tableName = uniqueName('Queue');
  queue = new AzureApplicationQueue({ account: azurite.connectionString, tableName });
  table = TableClient.fromConnectionString(azurite.connectionString, tableName, {
    allowInsecureConnection: true,
  });
});

const refs = (list: { reference: string }[]): string[] => list.map((application) => application.reference);

describe('the committee queue on Azure Tables', () => {
  it('keeps the counter of each year beside the files, readable by an operator', async () => {
    await queue.submit(newApplication(), 'a');
    await queue.submit(newApplication(), 'b');
    await queue.submit(newApplication({ now: new Date('2027-02-01T10:00:00Z') }), 'c');
    expect((await table.getEntity('queue', 'sequence-2026')).last).toBe(2);
    expect((await table.getEntity('queue', 'sequence-2027')).last).toBe(1);
    const file = await table.getEntity<Record<string, unknown>>('queue', 'file-ALZ-2026-0002');
    expect(file).toMatchObject({ reference: 'ALZ-2026-0002', status: 'received', userId: 'user-1' });
  });

  it('never gives a reference twice, even if the counter was restored from an old backup', async () => {
    await queue.submit(newApplication(), 'a');
    await queue.submit(newApplication(), 'b');
    const counter = await table.getEntity('queue', 'sequence-2026');
    await table.updateEntity({ partitionKey: 'queue', rowKey: 'sequence-2026', last: 0 }, 'Replace', {
      etag: counter.etag,
    });
    expect((await queue.submit(newApplication(), 'c')).application.reference).toBe('ALZ-2026-0003');
    expect(refs(await queue.list())).toEqual(referencesUpTo(3));
  });

  it('writes again, under the same reference, a file removed by hand after it was given', async () => {
    await queue.submit(newApplication(), 'removed');
    await table.deleteEntity('queue', 'file-ALZ-2026-0001');
    const retried = await queue.submit(newApplication(), 'removed');
    expect([retried.created, retried.application.reference]).toEqual([true, 'ALZ-2026-0001']);
    expect((await queue.submit(newApplication(), 'next')).application.reference).toBe('ALZ-2026-0002');
  });

  it('three instances submitting at once share one gap-free sequence', async () => {
    const instances = [
      queue,
      ...[1, 2].map(() => new AzureApplicationQueue({ account: azurite.connectionString, tableName })),
    ];
    const results = await Promise.all(
      Array.from({ length: 45 }, (_, index) =>
        instances[index % 3]!.submit(newApplication(), `three-${index}`),
      ),
    );
    expect(refs(results.map((result) => result.application)).sort()).toEqual(referencesUpTo(45));
  });

  it('reports an entity edited by hand instead of guessing', async () => {
    await queue.submit(newApplication(), 'a');
    const file = await table.getEntity('queue', 'file-ALZ-2026-0001');
    await table.updateEntity(
      { partitionKey: 'queue', rowKey: 'file-ALZ-2026-0001', data: '{"company.siret": ' },
      'Merge',
      {
        etag: file.etag,
      },
    );
    await expect(queue.get('ALZ-2026-0001')).rejects.toThrow(CorruptEntityError);
    await expect(queue.list()).rejects.toThrow(CorruptEntityError);
  });

  it('refuses a file larger than an entity can hold with a clear error, and gives its reference to the next', async () => {
    const huge = 'x'.repeat(600_000); // 1.2 MB in UTF-16
    await expect(queue.submit(newApplication({ data: { huge } }), 'huge')).rejects.toThrow(
      EntityTooLargeError,
    );
    expect((await queue.submit(newApplication(), 'normal')).application.reference).toBe('ALZ-2026-0001');
  });
});

describe('the advisors’ notification queue', () => {
  const decode = (text: string): unknown => JSON.parse(Buffer.from(text, 'base64').toString('utf8'));

  it('gets one message per new file, with its reference and no personal data; a retried submit adds none', async () => {
    const queueName = uniqueName('new-files', 'container');
    const notified = new AzureApplicationQueue({
      account: azurite.connectionString,
      tableName,
      notifier: new StorageQueueNotifier(azurite.connectionString, queueName),
    });
    await notified.submit(newApplication(), 'first');
    await notified.submit(newApplication(), 'first');
    await notified.submit(newApplication({ userId: 'marie.dupont@exemple.fr' }), 'second');
    const messages = await new QueueClient(azurite.connectionString, queueName).receiveMessages({
      numberOfMessages: 32,
    });
    expect(messages.receivedMessageItems.map((message) => decode(message.messageText))).toEqual([
      { event: 'applicationReceived', reference: 'ALZ-2026-0001', submittedAt: '2026-03-16T09:30:00.000Z' },
      { event: 'applicationReceived', reference: 'ALZ-2026-0002', submittedAt: '2026-03-16T09:30:00.000Z' },
    ]);
  });

  it('a notification that cannot be sent never fails the submission: the file is stored and reported', async () => {
    const failures: string[] = [];
    const notified = new AzureApplicationQueue({
      account: azurite.connectionString,
      tableName,
      // Upper case: a name Azure refuses, so the send really fails at the service.
      notifier: new StorageQueueNotifier(azurite.connectionString, 'Not_A_Queue'),
      onNotifyError: (_error, reference) => failures.push(reference),
    });
    const { application, created } = await notified.submit(newApplication(), 'k');
    expect([created, application.reference, failures]).toEqual([true, 'ALZ-2026-0001', ['ALZ-2026-0001']]);
    expect(await queue.get('ALZ-2026-0001')).toEqual(application);
  });
});
