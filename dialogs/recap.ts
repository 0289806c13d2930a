import { plainFacts } from './plainCard.js';
import type { Attachment } from 'botbuilder';
import { CardFactory } from 'botbuilder';
import {
  APPLICATION_FORM,
  applicableFields,
  type ApplicationContext,
  type ApplicationField,
} from './domain/applicationForm.js';
import type { Answers, Display } from './questionnaire/question.js';
import type { TurnLanguage } from './translator.js';

export const SUBMIT_ACTION = 'submitApplication';
export const EDIT_ACTION = 'editApplication';

export interface RecapGroup {
  title: string;
  facts: { key: string; label: string; value: string }[];
  /** A sentence after the facts (the supporting documents: the missing ones may be sent here). */
  note?: string;
}

export function shown(display: Display, language: TurnLanguage): string {
  return 'literal' in display ? display.literal : language.t(display.key, display.params);
}

/** The answers as the committee will read them, grouped: entreprise, projet, financement, contact. */
export function recapGroups(
  answers: Answers,
  context: ApplicationContext,
  language: TurnLanguage,
  form: readonly ApplicationField[] = APPLICATION_FORM,
): RecapGroup[] {
  const groups = new Map<string, RecapGroup>();
  for (const field of applicableFields(answers, context, form)) {
    const value = answers[field.key];
    if (value === undefined) continue;
    const title = language.t(`application:group.${field.group}`);
    const group = groups.get(field.group) ?? { title, facts: [] };
    group.facts.push({
      key: field.key,
      label: language.t(field.labelKey),
      value: shown(field.display(value, context), language),
    });
    groups.set(field.group, group);
  }
  // Entreprise, projet, financement, contact: the order the committee reads a file in, whatever order the form asks in.
  return GROUP_ORDER.flatMap((name) => groups.get(name) ?? []);
}

const GROUP_ORDER = ['company', 'project', 'financing', 'contact'] as const;

/** Adaptive Card 1.3 (shown by Web Chat, Teams and the Emulator): facts per group, then the two actions. */
export function recapCard(groups: RecapGroup[], language: TurnLanguage): Attachment {
  const { t } = language;
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.3',
    body: [
      {
        type: 'TextBlock',
        text: t('applicationFlow:recap.title'),
        weight: 'Bolder',
        size: 'Medium',
        wrap: true,
      },
      ...groups.flatMap((group) => [
        { type: 'TextBlock', text: group.title, weight: 'Bolder', spacing: 'Medium', wrap: true },
        ...plainFacts(
          group.facts.map((fact) => ({ title: fact.label, value: fact.value })),
          t('common:card.factSeparator'),
        ),
        ...(group.note ? [{ type: 'TextBlock', text: group.note, isSubtle: true, wrap: true }] : []),
      ]),
    ],
    actions: [
      {
        type: 'Action.Submit',
        title: t('applicationFlow:recap.submit'),
        data: { action: SUBMIT_ACTION, entry: 'apply' },
      },
      {
        type: 'Action.Submit',
        title: t('applicationFlow:recap.edit'),
        data: { action: EDIT_ACTION, entry: 'apply' },
      },
    ],
  });
}

/** The same recap as plain text, for channels that do not show Adaptive Cards. */
export function recapText(groups: RecapGroup[], language: TurnLanguage): string {
  const lines = [language.t('applicationFlow:recap.title')];
  for (const group of groups) {
    lines.push(
      '',
      group.title.toUpperCase(),
      ...group.facts.map((fact) => language.t('applicationFlow:recap.line', fact)),
      ...(group.note ? [group.note] : []),
    );
  }
  return lines.join('\n');
}

const CARD_CHANNELS = new Set(['emulator', 'webchat', 'directline', 'msteams', 'directlinespeech']);

export function supportsAdaptiveCards(channelId: string | undefined): boolean {
  return CARD_CHANNELS.has(channelId ?? '');
}
