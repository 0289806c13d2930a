/**
 * The derived commune file (programme/communes.json) from the installed @etalab/decoupage-administratif: used by
 * scripts/buildCommunes.ts to write it and by a unit test to check it is not stale.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { compactCommunes, type CommuneRecord, type CompactCommunes } from '../dialogs/domain/communeData.js';

const require = createRequire(import.meta.url);

/** The installed package's communes, converted; shared with the test that checks the file is up to date. */
export function communesFromPackage(): CompactCommunes {
  const { version } = require('@etalab/decoupage-administratif/package.json') as { version: string };
  const dataFile = require.resolve('@etalab/decoupage-administratif/data/communes.json');
  const records = JSON.parse(readFileSync(dataFile, 'utf8')) as CommuneRecord[];
  return compactCommunes(records, `@etalab/decoupage-administratif ${version}`);
}

/** One commune per line, so that a data update reads as a diff of the communes that changed. */
export function formatCompactCommunes(data: CompactCommunes): string {
  const rows = (list: unknown[][]) => list.map((row) => `    ${JSON.stringify(row)}`).join(',\n');
  return [
    '{',
    `  "$comment": ${JSON.stringify(data.$comment)},`,
    `  "source": ${JSON.stringify(data.source)},`,
    '  "communes": [',
    rows(data.communes),
    '  ],',
    '  "formerNames": [',
    rows(data.formerNames),
    '  ]',
    '}',
    '',
  ].join('\n');
}
