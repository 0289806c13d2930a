import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { COMPACT_COMMUNES_FILE } from '../../dialogs/domain/communeData.js';
import { findCommunes, loadCommuneIndex } from '../../dialogs/domain/communes.js';
import { settings } from '../support/programmeFixture.js';
import { communesFromPackage, formatCompactCommunes } from '../../scripts/communesFile.js';

const ETALAB_FILE = createRequire(import.meta.url).resolve(
  '@etalab/decoupage-administratif/data/communes.json',
);
const local = settings.territory;
const ANSWERS = [
  'Alès',
  '30340',
  'St Christol les Ales',
  'Saint-Denis',
  'Mons',
  '34000',
  'Salindres 30100',
  'xyz',
];

describe('programme/communes.json, the communes the bot loads at start-up', () => {
  test('is what "npm run communes:build" derives from the installed @etalab/decoupage-administratif', () => {
    expect(readFileSync(COMPACT_COMMUNES_FILE, 'utf8')).toBe(formatCompactCommunes(communesFromPackage()));
  });

  test('gives the same answers as the full data of the package', () => {
    loadCommuneIndex(ETALAB_FILE);
    const fromPackage = ANSWERS.map((answer) => findCommunes(answer, local));
    const stats = loadCommuneIndex();
    expect(ANSWERS.map((answer) => findCommunes(answer, local))).toEqual(fromPackage);
    expect(stats.communes).toBeGreaterThan(34_000);
  });
});
