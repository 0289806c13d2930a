import { isAdvisorIdentity, type AdvisorPolicy, type ProvenIdentity } from '../../dialogs/domain/roles.js';

const TENANT = '5a0c4f1e-2b7d-4c1e-9a55-3f0e2d6c1b0a';
const OID = '6d1f9c2e-8b1a-4f7e-9c3d-2a5b7e9f0c11';
const policy: AdvisorPolicy = { advisorIds: [OID, 'cci-paul'], tenantId: TENANT };

describe('isAdvisorIdentity: advisor rights from a verified identity only', () => {
  test.each<[string, ProvenIdentity | undefined, AdvisorPolicy, boolean]>([
    ['no verified identity', undefined, policy, false],
    ['Teams, listed, CCI tenant', { source: 'teams', objectId: OID, tenantId: TENANT }, policy, true],
    [
      'Teams, listed, GUIDs in another case',
      { source: 'teams', objectId: OID.toUpperCase(), tenantId: TENANT.toUpperCase() },
      policy,
      true,
    ],
    ['Teams, listed, another tenant', { source: 'teams', objectId: OID, tenantId: 'other' }, policy, false],
    ['Teams, listed, no tenant in the activity', { source: 'teams', objectId: OID }, policy, false],
    [
      'Teams, listed, no tenant configured',
      { source: 'teams', objectId: OID, tenantId: TENANT },
      { advisorIds: [OID] },
      false,
    ],
    ['Teams, not listed', { source: 'teams', objectId: 'someone', tenantId: TENANT }, policy, false],
    ['web sign-in, listed', { source: 'web-signin', objectId: OID, tenantId: TENANT }, policy, true],
    ['web sign-in, not listed', { source: 'web-signin', objectId: 'someone' }, policy, false],
    ['local, listed', { source: 'local', objectId: 'cci-paul' }, policy, true],
    ['local, not listed', { source: 'local', objectId: 'someone' }, policy, false],
    ['an identity without an object id', { source: 'local' }, policy, false],
    ['a blank object id', { source: 'local', objectId: ' ' }, { advisorIds: [' '] }, false],
    ['an empty list', { source: 'local', objectId: 'cci-paul' }, { advisorIds: [] }, false],
  ])('%s → %s', (_label, identity, given, expected) => {
    expect(isAdvisorIdentity(given, identity)).toBe(expected);
  });
});
