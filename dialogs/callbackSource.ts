import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { parseFrenchPhone } from './french/phone.js';
import {
  answerOf,
  invalid,
  type Answers,
  type AnswerValue,
  type Question,
} from './questionnaire/question.js';
import type { QuestionnaireSource } from './questionnaire/questionnaireDialog.js';

type CallbackQuestion = Question<null>;

const text = (key: string, min: number, max: number): CallbackQuestion => ({
  key,
  promptKey: `contact:callback.question.${key}`,
  exampleKey: `contact:callback.example.${key}`,
  freeText: true,
  interpret(answer) {
    const value = answer.trim();
    return value.length >= min && value.length <= max
      ? answerOf(value)
      : invalid(`contact:callback.error.${key}`);
  },
});

const QUESTIONS: CallbackQuestion[] = [
  text('name', 2, 80),
  {
    key: 'phone',
    promptKey: 'contact:callback.question.phone',
    exampleKey: 'contact:callback.example.phone',
    interpret(answer) {
      const phone = parseFrenchPhone(answer);
      return phone.ok
        ? answerOf(phone.value, { literal: phone.value })
        : invalid('contact:callback.error.phone');
    },
  },
  text('moment', 2, 200),
];

/** The three questions of a callback request, answers kept in the conversation until the request is stored. */
export class CallbackSource implements QuestionnaireSource<null> {
  constructor(private readonly answers: StatePropertyAccessor<Answers>) {}

  async load(context: TurnContext): Promise<Answers> {
    return this.answers.get(context, {});
  }

  async save(context: TurnContext, key: string, value: AnswerValue): Promise<void> {
    await this.answers.set(context, { ...(await this.load(context)), [key]: value });
  }

  next(answers: Answers): CallbackQuestion | null {
    return QUESTIONS.find((question) => answers[question.key] === undefined) ?? null;
  }

  find(key: string): CallbackQuestion | undefined {
    return QUESTIONS.find((question) => question.key === key);
  }

  questionContext(): null {
    return null;
  }
}
