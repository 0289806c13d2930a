import { findField } from '../../dialogs/domain/applicationForm.js';
import { ELIGIBILITY_QUESTIONS } from '../../dialogs/domain/eligibilityRuleSet.js';
import type { TurnLanguage } from '../../dialogs/translator.js';
import { FULL_APPLICATION } from '../../test/support/applicationScript.js';

export type Phase = 'eligibility' | 'application';

/** One question the bot may ask, how to recognise it in a reply, and what this applicant answers. */
export interface Prompt {
  id: string;
  phase: Phase;
  prefix: string;
  answer: string;
  /** The DOMAIN.md values this answer must leave in the file: [key, value] (undefined: only present). */
  expected: [string, unknown][];
}

/** The eligibility answers an owner types, by question (the rules choose the order and what is skipped). */
const ELIGIBILITY_ANSWERS: Record<string, string> = {
  commune: 'Alès',
  headcount: 'nous sommes douze',
  turnover: '1,2 M€',
  balanceSheet: '900 000 €',
  independent: 'non',
  sector: '25.62B',
  projectType: 'développement',
  jobs: '3',
  proceedings: 'aucune',
  goodStanding: 'oui',
  deMinimis: 'aucune',
};

/** Answers whose question is not the field of the same key. */
const PROMPT_OF_ROW: Record<string, string> = {
  'company.postalCode': 'application:question.company.commune',
  'notice.acknowledgedAt': 'applicationFlow:notice.text',
};

/**
 * FULL_APPLICATION for applicant n: the same company, but a name and an e-mail of its own, so a file that
 * ended up with another applicant's answers would show.
 */
export function applicantRows(n: number): [string, string, unknown][] {
  return FULL_APPLICATION.map(([answer, key, value]): [string, string, unknown] => {
    if (key === 'company.name') return [`Mécanique Cévenole ${n}`, key, `Mécanique Cévenole ${n}`];
    if (key === 'contact.email') return [`marie.dupont${n}@exemple.fr`, key, `marie.dupont${n}@exemple.fr`];
    return [answer, key, value];
  });
}

/** The start of a prompt: enough to recognise it, before any interpolated value. */
const prefixOf = (text: string): string => text.split('{{')[0].slice(0, 40);

/** Recognises the question a reply asks, and gives this applicant's answer to it. */
export class PromptBook {
  private readonly prompts: Prompt[] = [];

  constructor(
    private readonly fr: TurnLanguage,
    rows: [string, string, unknown][],
  ) {
    for (const question of ELIGIBILITY_QUESTIONS) {
      const answer = ELIGIBILITY_ANSWERS[question.key];
      if (answer === undefined) throw new Error(`no eligibility answer for ${question.key}`);
      this.add(question.promptKey, 'eligibility', answer, []);
    }
    const byPrompt = new Map<string, { answer: string; expected: [string, unknown][] }>();
    for (const [answer, key, value] of rows) {
      const promptKey = PROMPT_OF_ROW[key] ?? findField(key)?.promptKey;
      if (!promptKey) throw new Error(`no question asks ${key}`);
      const entry = byPrompt.get(promptKey) ?? { answer, expected: [] };
      entry.expected.push([key, value]);
      byPrompt.set(promptKey, entry);
    }
    for (const [promptKey, { answer, expected }] of byPrompt)
      this.add(promptKey, 'application', answer, expected);
  }

  /** The question of the last reply that asks one, in this phase. */
  recognise(phase: Phase, texts: readonly string[]): Prompt | undefined {
    for (const text of [...texts].reverse()) {
      const found = this.prompts.find((prompt) => prompt.phase === phase && text.includes(prompt.prefix));
      if (found) return found;
    }
    return undefined;
  }

  private add(promptKey: string, phase: Phase, answer: string, expected: [string, unknown][]): void {
    const prefix = prefixOf(this.fr.t(promptKey));
    const clash = this.prompts.find(
      (p) => p.phase === phase && (p.prefix.startsWith(prefix) || prefix.startsWith(p.prefix)),
    );
    if (clash) throw new Error(`prompts ${clash.id} and ${promptKey} cannot be told apart`);
    this.prompts.push({ id: promptKey, phase, prefix, answer, expected });
  }
}
