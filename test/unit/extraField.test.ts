import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_LOCALES_DIR, Localizer } from '../../bot/i18n.js';
import { applicationBlock } from '../../committee/committeeFormat.js';
import { fileCard } from '../../dialogs/advisor/fileCard.js';
import { percentField } from '../../dialogs/domain/applicationFieldKit.js';
import {
  APPLICATION_FORM,
  storedValues,
  type ApplicationField,
} from '../../dialogs/domain/applicationForm.js';
import { fieldRegistry } from '../../dialogs/domain/fieldRegistry.js';
import { nafSectionOf } from '../../dialogs/domain/naf.js';
import type { Answers } from '../../dialogs/questionnaire/question.js';
import { recapGroups } from '../../dialogs/recap.js';
import { applicationsToCsv, CSV_BOM, CSV_SEPARATOR } from '../../storage/applicationCsv.js';
import { applicationRecord } from '../../storage/applicationView.js';
import { createLowdbApplicationQueue } from '../../storage/index.js';
import { anonymisation } from '../../storage/retentionPolicy.js';
import { complete, context } from './applicationFormFixtures.js';

/*
 * What a developer does to add a field: one definition in the form, its locale lines. Here the definition is
 * added to a copy of the form and the locale lines to a copy of locales/, and every reader of the file is
 * given the resulting registry: nothing else is touched, and the field shows everywhere.
 */
const exportShare: ApplicationField = percentField('project.exportShare', {
  group: 'project',
  summary: true,
  when: (answers) => nafSectionOf(answers['company.nafCode']) === 'C',
});
/** A personal extra field: the share of the capital the contact holds. */
const capitalShare: ApplicationField = percentField('contact.capitalShare', {
  group: 'contact',
  personal: true,
});

// The same form with the two fields before the documents (were one of them added for real, it is replaced).
const others = APPLICATION_FORM.filter(
  (field) => field.key !== exportShare.key && field.key !== capitalShare.key,
);
const form = [...others.slice(0, -1), exportShare, capitalShare, ...others.slice(-1)];
const registry = fieldRegistry(form);

const SENTENCES: Record<'fr' | 'en', Record<string, string>> = {
  fr: {
    'application:question.project.exportShare': 'Quelle part de votre chiffre d’affaires vient de l’export ?',
    'application:example.project.exportShare': 'Par exemple : 35 %',
    'application:label.project.exportShare': 'Part export',
    'committee:field.project.exportShare': 'Part du chiffre d’affaires à l’export',
    'application:question.contact.capitalShare': 'Quelle part du capital détenez-vous ?',
    'application:example.contact.capitalShare': 'Par exemple : 60 %',
    'application:label.contact.capitalShare': 'Part du capital',
    'committee:field.contact.capitalShare': 'Part du capital détenue',
  },
  en: {
    'application:question.project.exportShare': 'What share of your turnover comes from exports?',
    'application:example.project.exportShare': 'For example: 35%',
    'application:label.project.exportShare': 'Export share',
    'committee:field.project.exportShare': 'Share of turnover from exports',
    'application:question.contact.capitalShare': 'What share of the capital do you hold?',
    'application:example.contact.capitalShare': 'For example: 60%',
    'application:label.contact.capitalShare': 'Capital share',
    'committee:field.contact.capitalShare': 'Share of the capital held',
  },
};

let dir: string;
let localizer: Localizer;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'alize-extra-field-'));
  const locales = path.join(dir, 'locales');
  await cp(DEFAULT_LOCALES_DIR, locales, { recursive: true });
  for (const locale of ['fr', 'en'] as const) {
    for (const [fullKey, sentence] of Object.entries(SENTENCES[locale])) {
      const [namespace, key] = fullKey.split(':');
      const file = path.join(locales, locale, `${namespace}.json`);
      const json = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
      const parts = key.split('.');
      let node = json;
      for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
      node[parts.at(-1) as string] = sentence;
      await writeFile(file, JSON.stringify(json));
    }
  }
  localizer = new Localizer(locales);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const industry: Answers = {
  ...complete,
  'company.nafCode': '25.62B',
  'project.exportShare': 35,
  'contact.capitalShare': 60,
};

let submissions = 0;
async function submitted(answers: Answers) {
  submissions += 1;
  const queue = createLowdbApplicationQueue(path.join(dir, `data-${submissions}`));
  const { application } = await queue.submit(
    {
      channel: 'webchat',
      origin: 'applicant',
      userId: 'user-extra',
      data: storedValues(answers, form),
      conversationReference: { conversation: { id: 'conv-extra' } },
      now: new Date('2026-10-01T08:00:00Z'),
    },
    `draft-${submissions}`,
  );
  return { queue, application };
}

describe('a field added to the form reaches every reader of the file', () => {
  test('the recap shows it in its group, with its label and formatted', () => {
    const fr = localizer.language('fr');
    const project = recapGroups(industry, context, fr, form).find(
      (group) => group.title === fr.t('application:group.project'),
    );
    expect(project?.facts).toContainEqual({
      key: 'project.exportShare',
      label: fr.t('application:label.project.exportShare'),
      value: fr.t('application:display.percent', { percent: 35 }),
    });
  });

  test('it is asked only for industry, and stored only then', () => {
    const digital = { ...industry, 'company.nafCode': '62.01Z' };
    const fr = localizer.language('fr');
    const keys = recapGroups(digital, context, fr, form).flatMap((group) => group.facts.map((f) => f.key));
    expect(keys).not.toContain('project.exportShare');
    expect(storedValues(digital, form)).not.toHaveProperty(['project.exportShare']);
  });

  test('the stored file, the API record and the CSV carry it in the project section', async () => {
    const { queue, application } = await submitted(industry);
    const stored = await queue.get(application.reference);
    expect(stored?.data['project.exportShare']).toBe(35);

    const record = applicationRecord(application, registry);
    expect(record['project.exportShare']).toBe(35);
    const recordKeys = Object.keys(record);
    expect(recordKeys.indexOf('project.exportShare')).toBeLessThan(recordKeys.indexOf('contact.firstName'));

    const [header, row] = applicationsToCsv([application], undefined, registry)
      .replace(CSV_BOM, '')
      .split('\r\n')
      .map((line) => line.split(CSV_SEPARATOR));
    const column = header.indexOf('project.exportShare');
    expect(column).toBeGreaterThan(header.indexOf('project.jobsKept'));
    expect(column).toBeLessThan(header.indexOf('contact.firstName'));
    expect(row[column]).toBe('35');
  });

  test('the committee reads it labelled and formatted, in the CLI and on the advisor card', async () => {
    const { application } = await submitted(industry);
    for (const locale of ['fr', 'en'] as const) {
      const language = localizer.language(locale);
      const text = { ...language, hasKey: (key: string) => localizer.hasKey(locale, key) };
      const block = applicationBlock(application, text, registry);
      const label = language.t('committee:field.project.exportShare');
      const percent = new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { style: 'percent' }).format(
        0.35,
      );
      const line = block.split('\n').find((one) => one.includes(label));
      expect(line).toContain(percent);
      const projectAt = block.indexOf(language.t('committee:show.section.project'));
      const contactAt = block.indexOf(language.t('committee:show.section.contact'));
      expect(block.indexOf(label)).toBeGreaterThan(projectAt);
      expect(block.indexOf(label)).toBeLessThan(contactAt);

      const card = JSON.stringify(fileCard(application, [], language, registry).content);
      expect(card).toContain(JSON.stringify(label).slice(1, -1));
      expect(card).toContain(language.t('application:display.percent', { percent: 35 }));
    }
  });

  test('retention treats a personal extra field as personal', async () => {
    const { application } = await submitted(industry);
    expect(registry.personalKeys).toContain('contact.capitalShare');
    const amendment = anonymisation(application, new Date('2033-01-01T00:00:00Z'), registry);
    expect(amendment.data).toMatchObject({ 'contact.capitalShare': null, 'contact.email': null });
    expect(amendment.data).not.toHaveProperty(['project.exportShare']);
  });
});
