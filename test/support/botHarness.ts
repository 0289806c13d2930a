import { ConversationState, MemoryStorage, TestAdapter, UserState, type Storage } from 'botbuilder';
import { AlizeBot } from '../../bot/alizeBot.js';
import { Localizer } from '../../bot/i18n.js';
import { LocaleMiddleware } from '../../bot/localeMiddleware.js';
import { createLogger } from '../../bot/logger.js';
import { AboutDialog } from '../../dialogs/aboutDialog.js';
import { RootDialog } from '../../dialogs/rootDialog.js';

export const localizer = new Localizer();
export const fr = localizer.language('fr');
export const en = localizer.language('en');

/** The real bot and dialogs on botbuilder's TestAdapter, as the server wires them. */
export function createTestBot(storage: Storage = new MemoryStorage(), channelId = 'emulator') {
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const rootDialog = new RootDialog([{ entry: 'about', dialog: new AboutDialog() }]);
  const bot = new AlizeBot({ conversationState, userState, rootDialog, logger: createLogger('silent') });
  const adapter = new TestAdapter((context) => bot.run(context), { channelId, locale: 'fr-FR' });
  adapter.use(new LocaleMiddleware(localizer));
  return { adapter, bot, storage };
}
