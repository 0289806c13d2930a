import { CardFactory, type Attachment } from 'botbuilder';
import type { StoredApplication } from '../../storage/applicationQueue.js';
import { displayedHistory } from '../../storage/displayUserId.js';
import { FIELD_REGISTRY, type FieldRegistry, type RegistryField } from '../domain/fieldRegistry.js';
import { fileFlagLines } from '../fileFlagLines.js';
import { plainFacts } from '../plainCard.js';
import type { TurnLanguage } from '../translator.js';

/** One value as the advisor reads it, by the kind the field registry gives it. */
function factValue(field: RegistryField, value: unknown, language: TurnLanguage): string {
  if (typeof value === 'number' && field.kind === 'amount') {
    return language.t('application:display.amount', { amount: value });
  }
  if (typeof value === 'number' && field.kind === 'percent') {
    return language.t('application:display.percent', { percent: value });
  }
  return Array.isArray(value) ? value.join(', ') : String(value);
}

/**
 * One file as an Adaptive Card: its status, the main facts, the history, and one button per allowed status
 * change. Buttons send `{ answer }`, read like a typed answer, so text channels behave the same.
 */
export function fileCard(
  app: StoredApplication,
  actions: string[],
  language: TurnLanguage,
  registry: FieldRegistry = FIELD_REGISTRY,
): Attachment {
  const { t } = language;
  const summary = registry.fields.filter((field) => field.summary && app.data[field.key] !== undefined);
  const facts = summary.map((field) => ({
    title: t(field.labelKey),
    value: factValue(field, app.data[field.key], language),
  }));
  // The verdict with its reasons and the points to check, before the facts: the advisor reads them first.
  const verdict = app.eligibility;
  const euros = (amount: number) => t('application:display.amount', { amount });
  const assessment = [
    {
      title: t('committee:show.meta.verdict'),
      value: verdict
        ? [
            verdict.verdict,
            ...verdict.reasons.map((reason, index) => t(reason, verdict.details?.[index] ?? {})),
          ].join(' — ')
        : t('committee:value.none'),
    },
    ...fileFlagLines(app, t, euros).map((line) => ({ title: t('committee:show.meta.flags'), value: line })),
  ];
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
      ...plainFacts([...assessment, ...facts], t('common:card.factSeparator')),
      { type: 'TextBlock', text: t('advisor:file.history'), weight: 'Bolder', spacing: 'Medium' },
      ...plainFacts(history, t('common:card.factSeparator')),
    ],
    actions: actions.map((title) => ({ type: 'Action.Submit', title, data: { answer: title } })),
  });
}
