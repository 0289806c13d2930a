import { isVerifiedAdvisor } from '../../dialogs/domain/roles.js';

const OID = 'a0000000-0000-4000-8000-00000000a001';
const GROUP = '0d5e9c11-2222-4b33-8c44-5566778899aa';

describe('who is an advisor, from a verified identity', () => {
  test.each([
    ['listed object id', { source: 'web-signin', objectId: OID }, { advisorIds: [OID] }, true],
    [
      'listed object id, other case',
      { source: 'web-signin', objectId: OID.toUpperCase() },
      { advisorIds: [OID] },
      true,
    ],
    [
      'member of ADVISOR_GROUP_ID',
      { source: 'web-signin', objectId: 'x', groups: [GROUP] },
      { advisorIds: [], advisorGroupId: GROUP },
      true,
    ],
    [
      'groups but no ADVISOR_GROUP_ID',
      { source: 'web-signin', objectId: 'x', groups: [GROUP] },
      { advisorIds: [] },
      false,
    ],
    [
      'unlisted',
      { source: 'web-signin', objectId: 'x', groups: ['other'] },
      { advisorIds: [OID], advisorGroupId: GROUP },
      false,
    ],
    ['no identity', undefined, { advisorIds: [OID], advisorGroupId: GROUP }, false],
    ['identity without object id', { source: 'local' }, { advisorIds: [OID] }, false],
  ])('%s', (_name, identity, rules, expected) => {
    expect(isVerifiedAdvisor(identity, rules)).toBe(expected);
  });
});
