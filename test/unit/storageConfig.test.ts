import { loadConfig } from '../../bot/config.js';
import { problemsOf } from '../support/configProblems.js';
import { DEV_KEY } from '../support/azurite.js';

const AZURE_CONNECTION = `DefaultEndpointsProtocol=https;AccountName=alizecci;AccountKey=${DEV_KEY};EndpointSuffix=core.windows.net`;

describe('STORAGE and the AZURE_* settings', () => {
  test('by default the bot stores in files, needs nothing, and ignores AZURE_* (migrate reads them)', () => {
    expect(loadConfig({}, '/srv/alize').storage).toEqual({ kind: 'lowdb' });
    const config = loadConfig({
      AZURE_STORAGE_CONNECTION_STRING: AZURE_CONNECTION,
      AZURE_STATE_CONTAINER: 'X',
    });
    expect(config.storage).toEqual({ kind: 'lowdb' });
  });

  test('STORAGE=azure with only the connection string takes the documented default names', () => {
    const config = loadConfig({ STORAGE: 'Azure', AZURE_STORAGE_CONNECTION_STRING: AZURE_CONNECTION });
    expect(config.storage).toEqual({
      kind: 'azure',
      connectionString: AZURE_CONNECTION,
      stateContainer: 'alize-state',
      applicationsTable: 'AlizeApplications',
      requestsTable: 'AlizeRequests',
      documentsContainer: 'alize-documents',
      funnelTable: 'AlizeFunnel',
    });
  });

  test('every name can be set, and the notify queue is used only when set', () => {
    const config = loadConfig({
      STORAGE: 'azure',
      AZURE_STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true',
      AZURE_STATE_CONTAINER: 'cci-ales-state',
      AZURE_APPLICATIONS_TABLE: 'AlesFiles2026',
      AZURE_REQUESTS_TABLE: 'AlesRequests',
      AZURE_NOTIFY_QUEUE: 'nouveaux-dossiers',
      AZURE_DOCUMENTS_CONTAINER: 'cci-ales-pieces',
      AZURE_FUNNEL_TABLE: 'AlesFunnel',
    });
    expect(config.storage).toMatchObject({
      stateContainer: 'cci-ales-state',
      applicationsTable: 'AlesFiles2026',
      requestsTable: 'AlesRequests',
      notifyQueue: 'nouveaux-dossiers',
      documentsContainer: 'cci-ales-pieces',
      funnelTable: 'AlesFunnel',
    });
  });

  test('an unknown back end is refused with the choices', () => {
    expect(problemsOf({ STORAGE: 'mongodb' })).toEqual(['STORAGE="mongodb": expected one of lowdb, azure']);
  });

  test('azure without a connection string or an account URL says where to find either', () => {
    expect(problemsOf({ STORAGE: 'azure' })).toEqual([
      expect.stringMatching(
        /^AZURE_STORAGE_CONNECTION_STRING is required when STORAGE=azure \(Azure portal.*\), or AZURE_STORAGE_ACCOUNT_URL .* managed identity/,
      ),
    ]);
  });

  test('an account URL alone is enough: the three endpoints of the account follow from it', () => {
    const config = loadConfig({
      STORAGE: 'azure',
      AZURE_STORAGE_ACCOUNT_URL: 'https://stalizeales.table.core.windows.net/',
    });
    expect(config.storage).toEqual({
      kind: 'azure',
      connectionString: '',
      accountUrls: {
        blob: 'https://stalizeales.blob.core.windows.net',
        table: 'https://stalizeales.table.core.windows.net',
        queue: 'https://stalizeales.queue.core.windows.net',
      },
      stateContainer: 'alize-state',
      applicationsTable: 'AlizeApplications',
      requestsTable: 'AlizeRequests',
      documentsContainer: 'alize-documents',
      funnelTable: 'AlizeFunnel',
    });
  });

  test('a sovereign cloud keeps its own suffix', () => {
    const config = loadConfig({
      STORAGE: 'azure',
      AZURE_STORAGE_ACCOUNT_URL: 'https://stalizeales.blob.core.usgovcloudapi.net',
    });
    expect(config.storage).toMatchObject({
      accountUrls: { queue: 'https://stalizeales.queue.core.usgovcloudapi.net' },
    });
  });

  test('both a connection string and an account URL are refused: which one authenticates would be unclear', () => {
    expect(
      problemsOf({
        STORAGE: 'azure',
        AZURE_STORAGE_CONNECTION_STRING: AZURE_CONNECTION,
        AZURE_STORAGE_ACCOUNT_URL: 'https://alizecci.blob.core.windows.net',
      }),
    ).toEqual([
      expect.stringMatching(/^AZURE_STORAGE_CONNECTION_STRING and AZURE_STORAGE_ACCOUNT_URL are both set/),
    ]);
  });

  test.each([
    ['http://127.0.0.1:10000/devstoreaccount1', /only sent over https .*Azurite/],
    ['stalizeales', /is not a URL/],
    ['https://alize.cci-ales.example/', /expected the account's endpoint/],
    ['https://stalizeales.blob.core.windows.net/alize-state', /expected the account's endpoint/],
  ])('AZURE_STORAGE_ACCOUNT_URL=%p is refused, saying what is expected', (url, message) => {
    const problems = problemsOf({ STORAGE: 'azure', AZURE_STORAGE_ACCOUNT_URL: url });
    expect(problems).toEqual([expect.stringMatching(/^AZURE_STORAGE_ACCOUNT_URL/)]);
    expect(problems[0]).toMatch(message);
  });

  test('an account URL carrying a SAS token is refused without repeating it', () => {
    const problems = problemsOf({
      STORAGE: 'azure',
      AZURE_STORAGE_ACCOUNT_URL: 'https://stalizeales.blob.core.windows.net/?sv=2024&sig=s3cr3t-signature',
    });
    expect(problems).toEqual([
      expect.stringContaining('a SAS token belongs in AZURE_STORAGE_CONNECTION_STRING'),
    ]);
    expect(problems[0]).not.toContain('s3cr3t');
  });

  test('a malformed connection string is refused without echoing it (it is a secret)', () => {
    const secret = 'AccountName=alizecci;Key=s3cr3t-value';
    const problems = problemsOf({ STORAGE: 'azure', AZURE_STORAGE_CONNECTION_STRING: secret });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^AZURE_STORAGE_CONNECTION_STRING is not a storage connection string/);
    expect(problems[0]).not.toContain('s3cr3t');
  });

  test('names Azure would refuse are all reported at start-up, each naming its variable', () => {
    const problems = problemsOf({
      STORAGE: 'azure',
      AZURE_STORAGE_CONNECTION_STRING: AZURE_CONNECTION,
      AZURE_STATE_CONTAINER: 'Alize_State',
      AZURE_APPLICATIONS_TABLE: 'alize-applications',
      AZURE_REQUESTS_TABLE: '9Requests',
      AZURE_NOTIFY_QUEUE: 'double--hyphen',
    });
    expect(problems).toEqual([
      expect.stringMatching(/^AZURE_STATE_CONTAINER="Alize_State": a container name is 3 to 63 lowercase/),
      expect.stringMatching(
        /^AZURE_APPLICATIONS_TABLE="alize-applications": a table name is 3 to 63 letters/,
      ),
      expect.stringMatching(/^AZURE_REQUESTS_TABLE="9Requests": a table name/),
      expect.stringMatching(/^AZURE_NOTIFY_QUEUE="double--hyphen": a queue name is 3 to 63 lowercase/),
    ]);
  });
});
