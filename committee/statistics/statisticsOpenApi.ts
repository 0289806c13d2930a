import { APPLICATION_STATUSES } from '../../dialogs/domain/applicationStatus.js';
import { EFFECTS } from '../../dialogs/domain/programmeSettings.js';

/** JSON Schema 2020-12, as OpenAPI 3.1 takes it. */
type Schema = Record<string, unknown>;

const count = { type: 'integer', minimum: 0 } as const;
const euros = { type: 'number', minimum: 0, description: 'Euros.' } as const;
const share = { type: ['number', 'null'], minimum: 0, description: '0.48 is 48 %; null without a budget.' };
const day = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
const month = { type: 'string', pattern: '^\\d{4}-\\d{2}$' } as const;
const closed = (properties: Record<string, unknown>, description?: string): Schema => ({
  type: 'object',
  ...(description ? { description } : {}),
  required: Object.keys(properties),
  properties,
  additionalProperties: false,
});
const planned = closed({ created: count, kept: count, total: count });
const funnelQuestions = {
  type: 'array',
  description: 'In the order asked; a question no longer asked comes last.',
  items: closed({
    key: { type: 'string', description: 'The question key (`commune`, `company.siret`), never an answer.' },
    reached: count,
    stopped: { ...count, description: 'At least this many stopped here (anonymous counts: a lower bound).' },
  }),
};

/** The body of `GET /api/statistics`: ProgrammeStatistics (committee/statistics/programmeStatistics.ts). */
export const STATISTICS_SCHEMAS: Record<string, Schema> = {
  Statistics: closed(
    {
      asOf: { ...day, description: 'The day of the figures, in the programme’s time zone.' },
      files: closed({
        total: count,
        byStatus: {
          type: 'array',
          items: closed({ status: { enum: [...APPLICATION_STATUSES] }, count }),
        },
      }),
      communes: {
        type: 'array',
        description: 'Most files first; `commune` null for files without one.',
        items: closed({ commune: { type: ['string', 'null'] }, count }),
      },
      amounts: closed(
        {
          asked: euros,
          accepted: euros,
          budget: { type: ['number', 'null'], description: 'The settings’ `budget`; null when unset.' },
          askedShare: share,
          acceptedShare: share,
        },
        'Advances asked by the files in play (not withdrawn, not rejected) and by the accepted ones.',
      ),
      jobs: closed(
        {
          target: count,
          months: count,
          from: day,
          to: { ...day, description: 'Excluded.' },
          accepted: planned,
          pending: planned,
          share: { type: 'number', minimum: 0 },
        },
        'Jobs created + kept planned by the files submitted within the target period (settings `jobsTarget`).',
      ),
      decisions: {
        type: 'array',
        description:
          'Per committee date (each past one, then any with a decision); `date` null: before the first.',
        items: closed({ date: { oneOf: [day, { type: 'null' }] }, accepted: count, rejected: count }),
      },
      funnel: closed(
        {
          months: { oneOf: [closed({ from: month, to: month }), { type: 'null' }] },
          check: closed({
            started: count,
            questions: funnelQuestions,
            verdicts: closed(Object.fromEntries(EFFECTS.map((effect) => [effect, count]))),
          }),
          application: closed({ started: count, questions: funnelQuestions, submitted: count }),
        },
        'Conversations counted anonymously per step (once per conversation), summed over the months.',
      ),
    },
    'The figures of /committee/statistics.',
  ),
};
