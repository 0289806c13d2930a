import { fileURLToPath } from 'node:url';
import { loadProgrammeSettings, type ProgrammeSettings } from '../../dialogs/domain/programmeSettings.js';

/**
 * The programme settings of the tests: a frozen copy, never programme/alize.settings.json, which the CCI edits
 * (a new call or committee date there must not break a test). Tests run from dist/, the file stays in test/.
 */
export const SETTINGS_FIXTURE = fileURLToPath(
  new URL('../../../test/french/settings.fixture.json', import.meta.url),
);
export const settings: ProgrammeSettings = loadProgrammeSettings(SETTINGS_FIXTURE);

/** A fixed day inside the fixture's call window (2026-09-01 → 2026-12-21): tests never read the real clock. */
export const TEST_NOW = new Date('2026-11-26T19:30:00+01:00');

/**
 * The welcome the bot gives at TEST_NOW (19:30 in Paris: « Bonsoir ») when the user's first words are no
 * salutation of their own (a conversation opened by the client, « aide »…); « bonjour » is answered « Bonjour ».
 */
export const WELCOME_KEY = 'common:greeting.helloEvening';

/** What a rule decides with, at TEST_NOW unless told. */
export const ruleContext = (now: Date = TEST_NOW, programme: ProgrammeSettings = settings) => ({
  settings: programme,
  now,
});
