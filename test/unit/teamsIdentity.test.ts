import { userIdsOf } from '../../bot/teamsIdentity.js';

describe('the ids a user is known by', () => {
  test('a Teams user: the chat id and the Microsoft Entra object id, which an advisor list may name', () => {
    const from = {
      id: '29:1XJKJMvc5GBtc2JwZq0oj8tHZmzrQgFm',
      name: 'Megan Bowen',
      aadObjectId: '7faf8ab2-3d56-4244-b585-20c8a42ed2b8',
    };
    expect(userIdsOf({ from })).toEqual([from.id, from.aadObjectId]);
  });

  test('a web visitor has only the channel id; blank or repeated ids are dropped', () => {
    expect(userIdsOf({ from: { id: 'dl_0123', name: '' } })).toEqual(['dl_0123']);
    expect(userIdsOf({ from: { id: 'u1', name: '', aadObjectId: ' ' } })).toEqual(['u1']);
    expect(userIdsOf({ from: { id: 'same', name: '', aadObjectId: 'same' } })).toEqual(['same']);
    expect(userIdsOf({})).toEqual([]);
  });
});
