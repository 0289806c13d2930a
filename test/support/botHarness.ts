import { MemoryStorage, TestAdapter, UserState, type Storage } from 'botbuilder';
import { createLowdbApplicationQueue } from '../../storage/lowdbApplicationQueue.js';
import type { StatusChange, StoredApplication } from '../../storage/applicationQueue.js';
import { createLowdbContactRequestStore } from '../../storage/contactRequests.js';
import { AlizeBot } from '../../bot/alizeBot.js';
import { Localizer } from '../../bot/i18n.js';
import { LocaleMiddleware } from '../../bot/localeMiddleware.js';
import { createLogger, type Logger } from '../../bot/logger.js';
import { createRootDialog } from '../../bot/app.js';
import { advisorRole } from '../../bot/identity/advisorRole.js';
import { SharedConversationState } from '../../bot/identity/sharedConversationState.js';
import { setVerifiedIdentity, type VerifiedIdentity } from '../../bot/identity/verifiedIdentity.js';
import type { EligibilityRuleSet } from '../../dialogs/domain/eligibilityRuleSet.js';
import type { ProgrammeSettings } from '../../dialogs/domain/programmeSettings.js';
import { settings, TEST_NOW, WELCOME_KEY } from './programmeFixture.js';
import { tempFolder } from './tempFolders.js';
import path from 'node:path';
import { UploadStore } from '../../bot/directLine/uploadStore.js';
import { AttachmentSources } from '../../bot/documents/attachmentSources.js';
import { DocumentReceiver } from '../../bot/documents/documentReceiver.js';
import { DocumentIntake } from '../../storage/documentIntake.js';
import { LowdbDocumentStore } from '../../storage/lowdbDocumentStore.js';
import type { DraftMigration } from '../../dialogs/domain/draftMigration.js';
import type { CompanyRegister } from '../../dialogs/domain/companyRegister.js';
import { FunnelRecorder } from '../../bot/funnelRecorder.js';
import { FunnelBatch } from '../../storage/funnelBatch.js';
import type { FunnelStore } from '../../storage/funnelStore.js';
import type { MailSender } from '../../bot/mail/mailTransport.js';
import { createApplicantReceipts } from '../../bot/receipts/applicantReceipts.js';
import { MailOutbox } from '../../storage/mailOutbox.js';

export const localizer = new Localizer();
export const fr = localizer.language('fr');
export const en = localizer.language('en');
/** The frozen settings fixture and the fixed day of the tests (never the CCI's file, never the real clock). */
export { settings, TEST_NOW, WELCOME_KEY };

/** The real bot and dialogs on botbuilder's TestAdapter, as the server wires them. */
export function createTestBot(
  storage: Storage = new MemoryStorage(),
  channelId = 'emulator',
  now: Date | (() => Date) = TEST_NOW,
  options: {
    advisorIds?: string[];
    tenantId?: string;
    /** What the server would have verified for a sender (by `from.id`): everyone else is unverified. */
    verified?: Record<string, VerifiedIdentity>;
    logger?: Logger;
    /** Other eligibility rules than the programme's (a rule composed in a test). */
    eligibilityRules?: EligibilityRuleSet;
    /** The form's history the bot migrates saved drafts with (default: the product's). */
    draftMigrations?: readonly DraftMigration[];
    /** Other programme settings than the frozen fixture (no committee date left…). */
    settings?: ProgrammeSettings;
    /** The company register the lookup asks (a client of a loopback server); absent: no lookup. */
    companyRegister?: CompanyRegister;
    /** Where the anonymous funnel is counted (a lowdb file, an Azure table); absent: not counted. */
    funnelStore?: FunnelStore;
    /** Receipts by e-mail (the real mailer and PDF, its outbox in `storage`), sent this way; absent: mail off. */
    mailSender?: MailSender;
  } = {},
) {
  const conversationState = new SharedConversationState(storage);
  const userState = new UserState(storage);
  const queueDir = tempFolder('alize-queue-');
  const queue = createLowdbApplicationQueue(queueDir);
  const contactRequests = createLowdbContactRequestStore(queueDir);
  // Supporting documents in real lowdb files, sent as the local Direct Line hands them over (the upload store).
  const documents = new LowdbDocumentStore(path.join(queueDir, 'documents'));
  const uploads = new UploadStore();
  // What would be sent proactively (to the applicant, to the advisors' channel), recorded for assertions.
  const notified: { application: StoredApplication; change: StatusChange }[] = [];
  const alerts: string[] = [];
  const clockOf = typeof now === 'function' ? now : () => now;
  // The server's own wiring of the receipts (bot/receipts/applicantReceipts.ts), mail on with that sender.
  const mailer = options.mailSender
    ? createApplicantReceipts({
        config: { mail: { url: 'smtp://127.0.0.1', from: 'alize@cci-ales-cevennes.fr' } },
        storage,
        mailOutbox: new MailOutbox(storage),
        queue,
        documents,
        localizer,
        settings: options.settings ?? settings,
        logger: createLogger('silent'),
        clock: clockOf,
        serverUrl: () => 'http://127.0.0.1',
        mailSender: options.mailSender,
      }).mailer
    : undefined;
  const rootDialog = createRootDialog({
    userState,
    conversationState,
    storage,
    settings: options.settings ?? settings,
    clock: typeof now === 'function' ? now : () => now,
    queue,
    contactRequests,
    advisorOf: advisorRole({ advisorIds: options.advisorIds ?? [], tenantId: options.tenantId }),
    onStatusChanged: async (application, change) => {
      notified.push({ application, change });
    },
    ...(options.draftMigrations ? { draftMigrations: options.draftMigrations } : {}),
    alertAdvisors: async (text) => {
      alerts.push(text);
    },
    eligibilityRules: options.eligibilityRules,
    ...(options.companyRegister ? { companyRegister: options.companyRegister } : {}),
    ...(mailer ? { receipts: mailer } : {}),
    documents,
  });
  const logger = options.logger ?? createLogger('silent');
  const clock = typeof now === 'function' ? now : () => now;
  const timeZone = (options.settings ?? settings).timeZone;
  const limits = { maxBytes: 1024 * 1024, maxCount: 20 };
  const receiver = new DocumentReceiver({
    intake: new DocumentIntake(documents, { limits, now: clock }),
    store: documents,
    sources: new AttachmentSources({ uploads, maxBytes: limits.maxBytes, authRequired: false }),
    limits,
    required: (options.settings ?? settings).documents,
    logger,
    clock,
    timeZone,
  });
  // Flushed by the test (`funnel.close()`), never by a timer it would have to wait for.
  const funnel = options.funnelStore
    ? new FunnelBatch(options.funnelStore, { everyMs: 60 * 60 * 1000 })
    : undefined;
  const bot = new AlizeBot({
    conversationState,
    userState,
    rootDialog,
    logger,
    clock,
    timeZone,
    documents: receiver,
    ...(funnel ? { funnel: new FunnelRecorder(conversationState, funnel, timeZone) } : {}),
  });
  // The template overrides every incoming activity, so it carries only the channel; the locale is the
  // conversation's default and a test may still send another one.
  const adapter = new TestAdapter((context) => bot.run(context), { channelId });
  adapter.locale = 'fr-FR';
  adapter.use(new LocaleMiddleware(localizer));
  const verified = options.verified ?? {};
  adapter.use(async (context, next) => {
    const identity = verified[context.activity.from?.id ?? ''];
    if (identity) setVerifiedIdentity(context, identity);
    await next();
  });
  return {
    adapter,
    bot,
    storage,
    queue,
    queueDir,
    contactRequests,
    notified,
    alerts,
    documents,
    uploads,
    funnel,
    mailer,
  };
}
