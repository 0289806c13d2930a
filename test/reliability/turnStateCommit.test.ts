import {
  ConversationState,
  MemoryStorage,
  TestAdapter,
  TurnContext,
  UserState,
  type Activity,
  type StoreItems,
} from 'botbuilder';
import { isETagConflict, TurnStateCommit } from '../../bot/turnStateCommit.js';

const USER_KEY = 'test/users/user1/';
const CONVERSATION_KEY = 'test/conversations/conv1/';

/** MemoryStorage that lets "another server instance" write just before this one's write of `key`. */
class Interleaved extends MemoryStorage {
  before: { key: string; run: () => Promise<void> } | undefined;
  override async write(changes: StoreItems): Promise<void> {
    const hook = this.before;
    if (hook && Object.keys(changes).includes(hook.key)) {
      this.before = undefined;
      await hook.run();
    }
    return super.write(changes);
  }
}

/** Reads the item as stored, and writes over it with the eTag read: what another instance's turn does. */
async function writeElsewhere(storage: MemoryStorage, key: string, change: Record<string, unknown>) {
  const current = (await storage.read([key]))[key] ?? {};
  await storage.write({ [key]: { ...current, ...change } });
}

const stored = async (storage: MemoryStorage, key: string) => {
  const item = { ...((await storage.read([key]))[key] ?? {}) };
  delete item.eTag;
  return item;
};

async function setUp() {
  const storage = new Interleaved();
  await storage.write({ [USER_KEY]: { answers: { first: 'old' } }, [CONVERSATION_KEY]: { step: 1 } });
  const userState = new UserState(storage);
  const conversationState = new ConversationState(storage);
  const activity = {
    type: 'message',
    channelId: 'test',
    conversation: { id: 'conv1' },
    from: { id: 'user1' },
    recipient: { id: 'bot' },
  } as Activity;
  const context = new TurnContext(new TestAdapter(), activity);
  const states = [userState, conversationState];
  const commit = await TurnStateCommit.begin(context, states);
  const user = userState.get(context) as { answers: Record<string, string> };
  const conversation = conversationState.get(context) as { step: number };
  return { storage, context, commit, user, conversation };
}

describe('the end-of-turn commit of user and conversation state', () => {
  test('writes both states when nobody else wrote meanwhile', async () => {
    const { storage, context, commit, user, conversation } = await setUp();
    user.answers.first = 'Marie';
    conversation.step = 2;
    await expect(commit.commit(context)).resolves.toBe('saved');
    expect(await stored(storage, USER_KEY)).toEqual({ answers: { first: 'Marie' } });
    expect(await stored(storage, CONVERSATION_KEY)).toEqual({ step: 2 });
  });

  test('writes nothing for a turn that changed nothing', async () => {
    const { storage, context, commit } = await setUp();
    const before = await storage.read([USER_KEY, CONVERSATION_KEY]);
    await expect(commit.commit(context)).resolves.toBe('unchanged');
    expect(await storage.read([USER_KEY, CONVERSATION_KEY])).toEqual(before);
  });

  test('a user state changed meanwhile: nothing of this turn is written', async () => {
    const { storage, context, commit, user, conversation } = await setUp();
    user.answers.first = 'Marie';
    conversation.step = 2;
    await writeElsewhere(storage, USER_KEY, { answers: { first: 'Jeanne' } });
    await expect(commit.commit(context)).resolves.toBe('conflict');
    expect(await stored(storage, USER_KEY)).toEqual({ answers: { first: 'Jeanne' } });
    expect(await stored(storage, CONVERSATION_KEY)).toEqual({ step: 1 });
  });

  test('a conversation state changed meanwhile: the user state already written is put back', async () => {
    const { storage, context, commit, user, conversation } = await setUp();
    user.answers.first = 'Marie';
    conversation.step = 2;
    storage.before = {
      key: CONVERSATION_KEY,
      run: () => writeElsewhere(storage, CONVERSATION_KEY, { step: 7 }),
    };
    await expect(commit.commit(context)).resolves.toBe('conflict');
    expect(await stored(storage, USER_KEY)).toEqual({ answers: { first: 'old' } });
    expect(await stored(storage, CONVERSATION_KEY)).toEqual({ step: 7 });
  });

  test("putting back never overwrites what another turn wrote after this one's write", async () => {
    const { storage, context, commit, user, conversation } = await setUp();
    user.answers.first = 'Marie';
    conversation.step = 2;
    storage.before = {
      key: CONVERSATION_KEY,
      run: async () => {
        await writeElsewhere(storage, USER_KEY, { answers: { first: 'Jeanne' } });
        await writeElsewhere(storage, CONVERSATION_KEY, { step: 7 });
      },
    };
    await expect(commit.commit(context)).resolves.toBe('conflict');
    expect(await stored(storage, USER_KEY)).toEqual({ answers: { first: 'Jeanne' } });
  });

  test.each([
    ['MemoryStorage and lowdb', new Error('Storage: error writing "k" due to eTag conflict.'), true],
    ['Azure Blobs (412)', Object.assign(new Error('precondition'), { statusCode: 412 }), true],
    ['another failure', new Error('disk full'), false],
  ])('recognises a conflict from %s', (_label, error, expected) => {
    expect(isETagConflict(error)).toBe(expected);
  });
});
