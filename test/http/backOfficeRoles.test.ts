import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import restify from 'restify';
import { registerBackOffice } from '../../committee/backOffice/backOfficeRoutes.js';
import { createStatusService } from '../../committee/statusService.js';
import { Localizer } from '../../bot/i18n.js';
import { createLogger } from '../../bot/logger.js';
import { escapeHtml } from '../../bot/webPage/htmlEscape.js';
import { SESSION_COOKIE, WebSignin } from '../../bot/webSignin/webSignin.js';
import { createLowdbApplicationQueue } from '../../storage/lowdbApplicationQueue.js';
import type { StatusChange } from '../../storage/index.js';
import { submitSamples } from '../../scripts/committeeSamples.js';
import { BackOfficeClient } from '../support/backOfficeClient.js';
import { fr, settings } from '../support/botHarness.js';
import { tempDataDir } from '../support/httpBot.js';

const ADVISOR_OID = 'a0000000-0000-4000-8000-00000000a001';
const COMMITTEE_OID = 'c0000000-0000-4000-8000-00000000c001';
const OUTSIDER_OID = 'e0000000-0000-4000-8000-00000000e001';
const COMMITTEE_GROUP = '0c0c0c0c-1111-4222-8333-444455556666';

/**
 * The back office with the real Entra sign-in's sessions: a session is opened as the callback would after a
 * verified ID token (the OpenID flow itself is tested in advisorSigninCallback and the browser tests).
 */
describe('back office roles for Entra sign-ins: advisors never decide', () => {
  let server: restify.Server;
  let url: string;
  let signin: WebSignin;
  let dataDir: string;
  const told: StatusChange[] = [];

  beforeAll(async () => {
    dataDir = tempDataDir('alize-back-office-roles-');
    const queue = createLowdbApplicationQueue(dataDir);
    await submitSamples(queue, 3);
    const localizer = new Localizer();
    const logger = createLogger('silent');
    server = restify.createServer({ handleUncaughtExceptions: false });
    server.use(restify.plugins.jsonBodyParser({ mapParams: false }));
    signin = new WebSignin({
      config: {
        issuer: 'http://127.0.0.1:9/never-contacted',
        clientId: 'client',
        clientSecret: '',
        tenantId: '',
        sessionHours: 8,
      },
      localizer,
      logger,
      serverUrl: () => url,
    });
    registerBackOffice(server, {
      queue,
      statusService: createStatusService({ queue, deliver: (_app, change) => void told.push(change) }),
      settings,
      localizer,
      logger,
      signin,
      committeeRoles: { committeeIds: [COMMITTEE_OID], committeeGroupId: COMMITTEE_GROUP },
      advisors: { advisorIds: [ADVISOR_OID] },
      listCacheMs: 0,
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  function signedIn(objectId: string, groups: string[] = []): BackOfficeClient {
    const session = signin.sessions.open(
      { source: 'web-signin', objectId, groups },
      `Person ${objectId.slice(0, 4)}`,
    );
    const client = new BackOfficeClient(url);
    client.setCookie(SESSION_COOKIE, session.id);
    return client;
  }

  test('an advisor is offered neither acceptance nor rejection, and a forged one is refused with 403', async () => {
    const advisor = signedIn(ADVISOR_OID);
    const csrf = await advisor.csrf('/committee/files/ALZ-2026-0001');
    expect(
      (await advisor.post('/committee/files/ALZ-2026-0001/status', { csrf, status: 'in_review' })).status,
    ).toBe(303);
    const page = await (await advisor.get('/committee/files/ALZ-2026-0001')).text();
    expect(page).toContain(escapeHtml(fr.t('backOffice:user.signedIn.advisor', { name: 'Person a000' })));
    expect(page).not.toContain('value="accepted"');
    expect(page).not.toContain('value="rejected"');
    for (const status of ['accepted', 'rejected']) {
      const forged = await advisor.post('/committee/files/ALZ-2026-0001/status', { csrf, status });
      expect(forged.status).toBe(403);
      expect(await forged.text()).toContain(escapeHtml(fr.t('backOffice:problemPage.committeeOnly')));
    }
    expect(told.map((change) => change.to)).toEqual(['in_review']);
  });

  test('a committee member (listed, or by group) may accept', async () => {
    for (const [client, reference] of [
      [signedIn(COMMITTEE_OID), 'ALZ-2026-0002'],
      [signedIn(OUTSIDER_OID, [COMMITTEE_GROUP]), 'ALZ-2026-0003'],
    ] as const) {
      const csrf = await client.csrf(`/committee/files/${reference}`);
      expect(
        (await client.post(`/committee/files/${reference}/status`, { csrf, status: 'in_review' })).status,
      ).toBe(303);
      const page = await (await client.get(`/committee/files/${reference}`)).text();
      expect(page).toContain('value="accepted"');
      const accepted = await client.post(`/committee/files/${reference}/status`, {
        csrf,
        status: 'accepted',
      });
      expect(accepted.headers.get('location')).toBe(`/committee/files/${reference}?done=statusChanged#main`);
    }
  });

  test('a signed-in account with neither role is refused (403), and a browser without a session is sent to sign in', async () => {
    const outsider = signedIn(OUTSIDER_OID);
    const refused = await outsider.get('/committee');
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain(escapeHtml(fr.t('backOffice:problemPage.noRole')));
    const anonymous = await new BackOfficeClient(url).get('/committee');
    expect(anonymous.headers.get('location')).toBe('/committee/signin');
    const signinPage = await (await new BackOfficeClient(url).get('/committee/signin')).text();
    expect(signinPage).toContain('href="/auth/signin?returnTo=%2Fcommittee"');
  });
});
