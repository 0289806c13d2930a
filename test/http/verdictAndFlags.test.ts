import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { walkEligibility, SUBMIT } from '../support/applicationWalk.js';
import {
  ELIGIBLE_COMPANY_CHECK,
  ELIGIBLE_COMPANY_FILE,
  fillApplication,
  withAnswers,
} from '../support/answerBook.js';
import { fr } from '../support/botHarness.js';
import { runCommitteeCli } from '../support/committeeApiClient.js';
import { HttpConversation, buttons, texts, type Reply } from '../support/httpBot.js';
import { serverForSuite } from '../support/httpServer.js';
import { callCheckedApi } from '../support/openApiCheck.js';
import { formatAmount } from '../../committee/committeeFormat.js';

const TOKEN = 'committee-test-token-5b2e8c41d09f7a36';
const LIQUIDATION = withAnswers(ELIGIBLE_COMPANY_CHECK, { proceedings: 'liquidation judiciaire' });
const said = async (replies: Promise<Reply[]>) => texts(await replies).join('\n');
const euros = (amount: number) => formatAmount(amount, 'fr');

describe('what the committee sees of the verdict and of the points to check (issue 15)', () => {
  const server = serverForSuite({ env: { COMMITTEE_TOKEN: TOKEN }, each: true });
  let cwd: string;
  beforeAll(async () => {
    cwd = await mkdtemp(path.join(tmpdir(), 'alize-cwd-'));
  });
  afterAll(() => rm(cwd, { recursive: true, force: true }));
  const api = (urlPath: string) => callCheckedApi(server.url, urlPath, { authorization: `Bearer ${TOKEN}` });
  const cli = (...args: string[]) => runCommitteeCli(args, server.dataDir, cwd);

  test('the liquidation story over HTTP: NO at the check, then applying; sent only as ineligible, and shown so', async () => {
    const owner = new HttpConversation(server.url);
    expect(await walkEligibility(owner, LIQUIDATION)).toContain(fr.t('eligibility:verdict.NO'));
    const gate = await owner.say('je veux quand même déposer un dossier');
    expect(texts(gate).join('\n')).toContain(fr.t('applicationFlow:ineligible.intro'));
    expect(buttons(gate)).toContain(fr.t('applicationFlow:ineligible.examine'));
    const chosen = await owner.say(fr.t('applicationFlow:ineligible.examine'));
    await fillApplication((text) => owner.say(text), chosen, { book: ELIGIBLE_COMPANY_FILE });
    const sent = await said(owner.post(SUBMIT).then((answer) => answer.replies));
    expect(sent).toContain(fr.t('applicationFlow:submit.examinedAsIneligible'));

    const { status, json } = await api('/api/applications/ALZ-2026-0001');
    expect(status).toBe(200);
    expect(json).toMatchObject({
      'eligibility.verdict': 'NO',
      'eligibility.reasons': ['eligibility:reason.proceedings.liquidation'],
      'eligibility.checkVerdict': 'NO',
      flags: ['ineligible', 'ineligibleReview'],
    });
    const show = await cli('show', 'ALZ-2026-0001');
    expect(show.stdout).toContain(fr.t('committee:flagDetail.ineligible'));
    expect(show.stdout).toContain(fr.t('committee:flagDetail.ineligibleReview'));
    const list = await cli('list');
    const row = list.stdout.split('\n').find((line) => line.startsWith('ALZ-2026-0001'));
    expect(row).toContain(fr.t('committee:verdict.NO'));
    expect(row).toContain(fr.t('committee:flag.ineligibleReview'));
  });

  test('the same SIRET and a cost that does not add up: the applicant is warned, then both files are flagged', async () => {
    const first = new HttpConversation(server.url);
    await fillApplication((text) => first.say(text), await first.say(fr.t('common:menu.apply')));
    expect(await said(first.post(SUBMIT).then((a) => a.replies))).toContain('ALZ-2026-0001');

    const second = new HttpConversation(server.url);
    const book = withAnswers(ELIGIBLE_COMPANY_FILE, {
      'project.otherFinancing': 'prêt bancaire du Crédit Agricole de 150 000 €',
      'project.otherFinancingAmount': '150 000 €',
    });
    await fillApplication((text) => second.say(text), await second.say(fr.t('common:menu.apply')), { book });
    const warned = (await second.post(SUBMIT)).replies;
    const warning = texts(warned).join('\n');
    expect(warning).toContain(fr.t('applicationFlow:warning.duplicateOther'));
    // Someone else's file is said to exist, never named.
    expect(warning).not.toContain('ALZ-2026-0001');
    expect(warning).toContain(
      fr.t('applicationFlow:warning.costMismatch', {
        investment: 250_000,
        amount: 30_000,
        other: 150_000,
        total: 180_000,
        gap: 70_000,
      }),
    );
    const correct = (key: string) =>
      fr.t('applicationFlow:ineligible.correct', { label: fr.t(`application:label.${key}`) });
    expect(buttons(warned)).toEqual([
      fr.t('applicationFlow:warning.send'),
      correct('project.investment'),
      correct('project.amountRequested'),
      fr.t('applicationFlow:recap.edit'),
    ]);
    expect((await api('/api/applications')).json).toHaveLength(1);

    const sent = await said(second.say(fr.t('applicationFlow:warning.send')));
    expect(sent).toContain(fr.t('applicationFlow:submit.done', { reference: 'ALZ-2026-0002' }));

    const { json: flagged } = await api('/api/applications/ALZ-2026-0002');
    expect(flagged).toMatchObject({
      'eligibility.verdict': 'OK',
      flags: ['duplicateSiret', 'costMismatch'],
      'flags.duplicateOf': ['ALZ-2026-0001'],
      'flags.costGap': 70_000,
    });
    const { json: earlier } = await api('/api/applications/ALZ-2026-0001');
    expect(earlier).toMatchObject({ flags: ['duplicateSiret'], 'flags.duplicateOf': ['ALZ-2026-0002'] });

    const show = await cli('show', 'ALZ-2026-0002');
    expect(show.stdout).toContain(
      fr.t('committee:flagDetail.duplicateSiret', { references: 'ALZ-2026-0001' }),
    );
    expect(show.stdout).toContain(
      fr.t('committee:flagDetail.costMismatch', {
        investment: euros(250_000),
        amount: euros(30_000),
        other: euros(150_000),
        gap: euros(70_000),
      }),
    );
    const csv = await callCheckedApi(server.url, '/api/applications.csv?headers=keys', {
      authorization: `Bearer ${TOKEN}`,
    });
    const [header, , row] = csv.text.replace(/^\uFEFF/, '').split('\r\n');
    const cell = (name: string) => row.split(';')[header.split(';').indexOf(name)];
    expect(cell('flags')).toBe('duplicateSiret, costMismatch');
    expect(cell('flags.costGap')).toBe('70000');
  });
});
