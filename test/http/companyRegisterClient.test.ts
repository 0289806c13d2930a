import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCompanyRegisterClient } from '../../bot/companyRegisterClient.js';
import { readCompanyLookup } from '../../bot/companyLookupConfig.js';
import {
  FOUND_SIRET,
  LIMITED_SIRET,
  MALFORMED_SIRET,
  NOT_FOUND_SIRET,
  SHARED_NAME,
  SLOW_SIRET,
} from '../support/companyRegisterFixtures.js';
import { startLocalRegister, type LocalRegister } from '../support/companyRegisterServer.js';

const bySiret = (siret: string) => ({ kind: 'siret' as const, siret });

describe('the company register client, against a local register on loopback', () => {
  let register: LocalRegister;
  beforeAll(async () => {
    register = await startLocalRegister();
  });
  afterAll(() => register.close());
  const client = (timeoutMs = 300) => createCompanyRegisterClient({ baseUrl: register.url, timeoutMs });

  test.each([
    ['found', FOUND_SIRET, 'found'],
    ['not found', NOT_FOUND_SIRET, 'none'],
    ['slower than the time-out', SLOW_SIRET, 'timeout'],
    ['429', LIMITED_SIRET, 'rateLimited'],
    ['a malformed body', MALFORMED_SIRET, 'malformed'],
  ])('%s', async (_case, siret, expected) => {
    const outcome = await client().search(bySiret(siret));
    expect(outcome.kind === 'unavailable' ? outcome.reason : outcome.kind).toBe(expected);
  });

  test('a name shared by three companies gives the three, in the register’s order', async () => {
    const outcome = await client().search({ kind: 'name', name: SHARED_NAME });
    expect(outcome.kind === 'found' && outcome.companies.map((c) => c.name)).toEqual([
      'MECANIQUE CEVENOLE',
      'CEVENOLE BOIS',
      'GARAGE CEVENOL',
    ]);
  });

  test('an answer is cached, a failure is not', async () => {
    const lookups = client();
    const before = register.received.length;
    await lookups.search(bySiret(FOUND_SIRET));
    await lookups.search(bySiret(FOUND_SIRET));
    await lookups.search(bySiret(LIMITED_SIRET));
    await lookups.search(bySiret(LIMITED_SIRET));
    expect(register.received.slice(before).map((q) => q.get('q'))).toEqual([
      FOUND_SIRET,
      LIMITED_SIRET,
      LIMITED_SIRET,
    ]);
  });

  test('an unreachable register is unavailable, not an error', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const outcome = await createCompanyRegisterClient({ baseUrl: `http://127.0.0.1:${port}` }).search(
      bySiret(FOUND_SIRET),
    );
    expect(outcome).toEqual({ kind: 'unavailable', reason: 'unreachable' });
  });
});

describe('COMPANY_LOOKUP and COMPANY_LOOKUP_URL', () => {
  const read = (env: Record<string, string>) => {
    const problems: string[] = [];
    const config = readCompanyLookup((name) => (env[name] ?? '').trim(), problems);
    return { config, problems };
  };

  test('on by default, against the public API; off when told', () => {
    expect(read({}).config).toEqual({ url: 'https://recherche-entreprises.api.gouv.fr' });
    expect(read({ COMPANY_LOOKUP: 'off' }).config).toBeUndefined();
    expect(read({ COMPANY_LOOKUP_URL: 'http://127.0.0.1:9000' }).config).toEqual({
      url: 'http://127.0.0.1:9000',
    });
  });

  test('a bad value is named', () => {
    expect(read({ COMPANY_LOOKUP: 'peut-être' }).problems[0]).toContain('COMPANY_LOOKUP=');
    expect(read({ COMPANY_LOOKUP_URL: 'ftp://x' }).problems[0]).toContain('COMPANY_LOOKUP_URL=');
  });
});
