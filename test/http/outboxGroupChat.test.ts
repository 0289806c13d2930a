import { randomUUID } from 'node:crypto';
import { fr } from '../support/botHarness.js';
import { HttpConversation, texts } from '../support/httpBot.js';
import { serverForSuite } from '../support/httpServer.js';

const TOKEN = 'committee-token-for-group-chat-tests-71c2e9';
const BOT = { id: '28:00000000-0000-0000-0000-00000000a11e', name: 'AliZé' };
const MENTION = { type: 'mention', mentioned: BOT, text: '<at>AliZé</at>' };

describe('a waiting status notice is given in the applicant’s own chat, never in a Teams channel', () => {
  const server = serverForSuite({ prefix: 'alize-outbox-group-', env: { COMMITTEE_TOKEN: TOKEN } });

  test('a turn in a channel leaves it waiting; the next personal turn gets it', async () => {
    const user = { id: `29:${randomUUID()}`, name: 'Marie Dupont', aadObjectId: randomUUID() };
    // A file without a conversation reference (sent by an advisor on the owner's behalf, say).
    await server.app.queue.submit(
      {
        channel: 'msteams',
        origin: 'applicant',
        userId: user.id,
        eligibility: { verdict: 'OK', reasons: [] },
        data: { 'company.name': 'Cévennes Usinage' },
        now: new Date('2026-11-20T09:00:00Z'),
      },
      'group-1',
    );
    const patched = await fetch(`${server.url}/api/applications/ALZ-2026-0001`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'in_review', by: 'comité' }),
    });
    expect(patched.status).toBe(200);
    const notice = fr.t('status:notify.intro', {
      reference: 'ALZ-2026-0001',
      label: fr.t('status:label.in_review'),
    });

    const inTeams = (conversationType: string) => {
      const http = new HttpConversation(server.url, user.id);
      return (text: string) =>
        http
          .post({
            type: 'message',
            text: conversationType === 'personal' ? text : `${MENTION.text} ${text}`,
            ...(conversationType === 'personal' ? {} : { entities: [MENTION] }),
            channelId: 'msteams',
            from: user,
            recipient: BOT,
            conversation: {
              id: http.conversationId,
              conversationType,
              ...(conversationType === 'personal' ? {} : { isGroup: true }),
              tenantId: 'tenant',
            },
            channelData: { tenant: { id: 'tenant' } },
          })
          .then(({ replies }) => texts(replies).join('\n'));
    };
    expect(await inTeams('channel')('aide')).not.toContain(notice);
    expect(await inTeams('groupChat')('aide')).not.toContain(notice);
    const personal = inTeams('personal');
    expect(await personal('aide')).toContain(notice);
    expect(await personal('aide')).not.toContain(notice);
  });
});
