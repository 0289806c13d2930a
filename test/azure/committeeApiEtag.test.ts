import { AzureApplicationQueue } from '../../storage/azureApplicationQueue.js';
import { applicationVersion } from '../../storage/index.js';
import { newApplication } from '../contract/queueContract.js';
import { startAzurite, uniqueName, type RunningAzurite } from '../support/azurite.js';
import { startCommitteeApiServer, type CommitteeApiServer } from '../support/committeeApiServer.js';
import { concurrentEdit } from '../support/concurrentEdit.js';

const TOKEN = 'committee-test-token-azure-9c2d7e10f4ab3865';

let azurite: RunningAzurite;
let api: CommitteeApiServer;
let queue: AzureApplicationQueue;
beforeAll(async () => {
  azurite = await startAzurite();
  queue = new AzureApplicationQueue({
    account: azurite.connectionString,
    tableName: uniqueName('EtagQueue'),
  });
  api = await startCommitteeApiServer(queue, TOKEN);
});
afterAll(async () => {
  await api?.close();
  await azurite?.stop();
});

describe('committee API on Azure Tables: ETag and If-Match', () => {
  test('the ETag is the version of the entity, as on lowdb', async () => {
    const { application } = await queue.submit(newApplication(), 'etag-azure-1');
    const answer = await fetch(`${api.url}/api/applications/${application.reference}`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(answer.headers.get('etag')).toBe(`"${applicationVersion(application)}"`);
  });

  test('two reviewers read the same ETag: the first PATCH wins, the second gets 412, one history entry', async () => {
    const { application } = await queue.submit(newApplication(), 'etag-azure-2');
    const outcome = await concurrentEdit(api.url, TOKEN, queue, application.reference);
    expect(outcome.etagRead[0]).toBe(outcome.etagRead[1]);
    expect([outcome.first.status, outcome.second.status]).toEqual([200, 412]);
    expect(outcome.second.json).toMatchObject({
      error: 'precondition_failed',
      reference: application.reference,
    });
    expect(outcome.history).toEqual(['received', 'in_review']);
    expect(outcome.after.headers.get('etag')).toBe(outcome.first.headers.get('etag'));
  });
});
