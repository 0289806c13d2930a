import { CardFactory, type Attachment } from 'botbuilder';
import type { StoredApplication } from '../../storage/applicationQueue.js';
import { displayedHistory } from '../../storage/displayUserId.js';
import { findField } from '../domain/applicationForm.js';
import { plainFacts } from '../plainCard.js';
import type { TurnLanguage } from '../translator.js';

/** The facts of a file an advisor reads first, with the labels of the form. */
const SUMMARY_KEYS = [
  'company.name',
  'company.siret',
  'company.commune',
  'company.headcount',
  'company.turnover',
  'project.type',
  'project.aidTypes',
  'project.investment',
  'project.amountRequested',
  'project.jobsCreated',
  'project.jobsKept',
  'contact.firstName',
  'contact.lastName',
  'contact.email',
  'contact.phone',
];

function factValue(key: string, value: unknown, language: TurnLanguage): string {
  if (typeof value === 'number' && /turnover|investment|amount/i.test(key)) {
    return language.t('eligibility:display.amount', { amount: value });
  }
  return Array.isArray(value) ? value.join(', ') : String(value);
}

/**
 * One file as an Adaptive Card: its status, the main facts, the history, and one button per allowed status
 * change. Buttons send `{ answer }`, read like a typed answer, so text channels behave the same.
 */
export function fileCard(app: StoredApplication, actions: string[], language: TurnLanguage): Attachment {
  const { t } = language;
  const facts = SUMMARY_KEYS.filter((key) => app.data[key] !== undefined).map((key) => ({
    title: t(findField(key)?.labelKey ?? key),
    value: factValue(key, app.data[key], language),
  }));
  const history = displayedHistory(app).map((h) => ({
    title: t('advisor:file.historyLine', {
      date: h.at.slice(0, 10),
      by: h.by,
      to: t(`status:label.${h.to}`),
    }),
    value: h.comment ?? '',
  }));
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.3',
    body: [
      {
        type: 'TextBlock',
        text: t('advisor:file.title', { reference: app.reference, label: t(`status:label.${app.status}`) }),
        weight: 'Bolder',
        size: 'Medium',
        wrap: true,
      },
      ...plainFacts(facts, t('common:card.factSeparator')),
      { type: 'TextBlock', text: t('advisor:file.history'), weight: 'Bolder', spacing: 'Medium' },
      ...plainFacts(history, t('common:card.factSeparator')),
    ],
    actions: actions.map((title) => ({ type: 'Action.Submit', title, data: { answer: title } })),
  });
}
