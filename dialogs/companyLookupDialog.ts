import type { Activity, TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { messageWithChoices } from './choices.js';
import { applyConfirmedCompany } from './companyLookupRecord.js';
import { companyCard, choiceLabel } from './companyLookupCard.js';
import { registerQuery, type CompanyRegister, type RegisterCompany } from './domain/companyRegister.js';
import { CORRECTABLE_LINES, isClosed, type CorrectableLine } from './domain/companyRegisterAnswers.js';
import { isDontKnow } from './french/dontKnow.js';
import { parseYesNo } from './french/yesNo.js';
import { commandKey, detectGlobalCommand } from './globalCommands.js';
import { answerText } from './questionnaire/answerText.js';
import type { QuestionChannelData } from './questionnaire/questionnaireDialog.js';
import { languageOf } from './translator.js';
import type { ProfileAccessor } from './userProfile.js';

export const COMPANY_LOOKUP_DIALOG = 'companyLookup';
/** The question id of the lookup's messages (`channelData.alize.questionId`), for clients and test scripts. */
export const COMPANY_LOOKUP_QUESTION = 'companyLookup';
/** At most this many companies offered for a name that matches several. */
const MAX_CHOICES = 3;
const MAX_FAILURES = 2;

/** Start the lookup with a SIRET or a name already known (read in a message): nothing is asked first. */
export interface CompanyLookupOptions {
  query?: string;
}

/** How the lookup ended, for the dialog that started it (the facts are already in the profile). */
export interface CompanyLookupResult {
  outcome: 'confirmed' | 'skipped';
  closed?: boolean;
}

interface LookupState {
  step: 'ask' | 'confirm' | 'choose';
  failures: number;
  companies?: RegisterCompany[];
}

/**
 * The company found from its SIRET or its name: asks for one (or takes the one given), looks it up in the
 * register, shows what was found on one card ("C'est bien votre entreprise ?") with Oui, Non or a line to
 * correct, lets the owner pick among a few companies of the same name, and stores what was confirmed as
 * answers of the check and of the draft. Whatever goes wrong with the register, it ends quietly: the owner
 * answers the questions as usual.
 */
export class CompanyLookupDialog extends Dialog<CompanyLookupOptions> {
  constructor(
    private readonly register: CompanyRegister,
    private readonly profiles: ProfileAccessor,
    private readonly clock: () => Date,
    id = COMPANY_LOOKUP_DIALOG,
  ) {
    super(id);
  }

  override async beginDialog(dc: DialogContext, options?: CompanyLookupOptions): Promise<DialogTurnResult> {
    const state: LookupState = { step: 'ask', failures: 0 };
    dc.activeDialog!.state = state;
    if (options?.query) return this.lookUp(dc, state, options.query);
    return this.ask(dc, 'companyLookup:ask');
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    if (dc.context.activity.type !== 'message') return Dialog.EndOfTurn;
    const state = dc.activeDialog!.state as LookupState;
    const text = answerText(dc.context.activity);
    const command = detectGlobalCommand(text);
    if (command === 'back' || command === 'pause') return this.skip(dc, 'companyLookup:skipped');
    if (state.step === 'confirm') return this.onCard(dc, state, text);
    if (state.step === 'choose') return this.onChoice(dc, state, text);
    return this.onQuery(dc, state, text);
  }

  override async repromptDialog(context: TurnContext, instance: { state: LookupState }): Promise<void> {
    const { t } = languageOf(context);
    const company = instance.state.companies?.[0];
    if (instance.state.step === 'confirm' && company) {
      await context.sendActivity(this.card(context, company));
    } else if (instance.state.step === 'ask') {
      await context.sendActivity(
        marked(messageWithChoices(context, t('companyLookup:ask'), [t('companyLookup:skip')])),
      );
    }
  }

  private async onQuery(dc: DialogContext, state: LookupState, text: string) {
    const { t, locale } = languageOf(dc.context);
    const skipping =
      commandKey(text) === commandKey(t('companyLookup:skip')) ||
      isDontKnow(text) ||
      /^(passer|skip|plus tard|later)$/.test(commandKey(text)) ||
      yesNo(text, locale) === false;
    if (skipping) return this.skip(dc, 'companyLookup:skipped');
    return this.lookUp(dc, state, text);
  }

  private async lookUp(dc: DialogContext, state: LookupState, text: string): Promise<DialogTurnResult> {
    const query = registerQuery(text);
    if (query.kind === 'invalid') {
      state.failures += 1;
      if (state.failures > MAX_FAILURES) return this.skip(dc, 'companyLookup:skipped');
      return this.ask(dc, `companyLookup:error.${query.reason}`);
    }
    const outcome = await this.register.search(query);
    if (outcome.kind === 'unavailable') return this.skip(dc, 'companyLookup:unavailable');
    if (outcome.kind === 'none') return this.skip(dc, 'companyLookup:notFound');
    const companies = outcome.companies.slice(0, MAX_CHOICES);
    state.companies = companies;
    if (companies.length === 1) return this.showCard(dc, state, companies[0]);
    const { t } = languageOf(dc.context);
    state.step = 'choose';
    const titles = [...companies.map((company) => choiceLabel(company)), t('companyLookup:noneOfThese')];
    await dc.context.sendActivity(
      marked(messageWithChoices(dc.context, t('companyLookup:choose'), titles), 'choose'),
    );
    return Dialog.EndOfTurn;
  }

  private async onChoice(dc: DialogContext, state: LookupState, text: string) {
    const companies = state.companies ?? [];
    const byNumber = /^\d$/.test(text.trim()) ? companies[Number(text.trim()) - 1] : undefined;
    const picked =
      byNumber ?? companies.find((company) => commandKey(choiceLabel(company)) === commandKey(text));
    if (!picked) return this.skip(dc, 'companyLookup:skipped');
    return this.showCard(dc, state, picked);
  }

  private async showCard(dc: DialogContext, state: LookupState, company: RegisterCompany) {
    state.step = 'confirm';
    state.companies = [company];
    await dc.context.sendActivity(this.card(dc.context, company));
    return Dialog.EndOfTurn;
  }

  private async onCard(dc: DialogContext, state: LookupState, text: string) {
    const { t, locale } = languageOf(dc.context);
    const company = state.companies?.[0];
    if (!company) return this.skip(dc, 'companyLookup:skipped');
    const key = commandKey(text);
    const line = CORRECTABLE_LINES.find((l) => key === commandKey(t(`companyLookup:correct.${l}`)));
    const yes = key === commandKey(t('companyLookup:yes')) ? true : yesNo(text, locale);
    if (line) return this.confirm(dc, company, [line]);
    if (yes === true) return this.confirm(dc, company, []);
    if (yes === false || key === commandKey(t('companyLookup:no'))) {
      return this.skip(dc, 'companyLookup:rejected');
    }
    state.failures += 1;
    if (state.failures > MAX_FAILURES) return this.skip(dc, 'companyLookup:rejected');
    await dc.context.sendActivity(this.card(dc.context, company));
    return Dialog.EndOfTurn;
  }

  private async confirm(dc: DialogContext, company: RegisterCompany, corrected: CorrectableLine[]) {
    const { t } = languageOf(dc.context);
    await applyConfirmedCompany(this.profiles, dc.context, company, corrected, this.clock());
    const closed = isClosed(company);
    if (!closed) {
      await dc.context.sendActivity(
        t(corrected.length > 0 ? 'companyLookup:confirmedCorrect' : 'companyLookup:confirmed'),
      );
    }
    return dc.endDialog({ outcome: 'confirmed', closed } satisfies CompanyLookupResult);
  }

  private async skip(dc: DialogContext, messageKey: string) {
    const { t } = languageOf(dc.context);
    const profile = await this.profiles.get(dc.context, {});
    if (!profile.companyLookup) {
      profile.companyLookup = { outcome: 'skipped', at: this.clock().toISOString() };
      await this.profiles.set(dc.context, profile);
    }
    await dc.context.sendActivity(t(messageKey));
    return dc.endDialog({ outcome: 'skipped' } satisfies CompanyLookupResult);
  }

  private async ask(dc: DialogContext, key: string) {
    const { t } = languageOf(dc.context);
    const text = key === 'companyLookup:ask' ? t(key) : `${t(key)} ${t('companyLookup:example')}`;
    await dc.context.sendActivity(marked(messageWithChoices(dc.context, text, [t('companyLookup:skip')])));
    return Dialog.EndOfTurn;
  }

  private card(context: TurnContext, company: RegisterCompany) {
    const language = languageOf(context);
    const { t } = language;
    const titles = [
      t('companyLookup:yes'),
      t('companyLookup:no'),
      ...CORRECTABLE_LINES.map((line) => t(`companyLookup:correct.${line}`)),
    ];
    return marked(messageWithChoices(context, companyCard(company, language), titles), 'confirm');
  }
}

function yesNo(text: string, locale: 'fr' | 'en'): boolean | undefined {
  const reading = parseYesNo(text, locale);
  return reading.ok ? reading.value : undefined;
}

/** Like the questionnaire's messages: what the message asks, for a client or a test script. */
function marked(message: Partial<Activity>, pending?: 'confirm' | 'choose'): Partial<Activity> {
  const alize: QuestionChannelData = pending
    ? { questionId: COMPANY_LOOKUP_QUESTION, pending }
    : { questionId: COMPANY_LOOKUP_QUESTION };
  return { ...message, channelData: { ...(message.channelData as object | undefined), alize } };
}
