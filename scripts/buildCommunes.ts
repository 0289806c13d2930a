/**
 * Derives programme/communes.json (what the commune index reads at start-up) from the offline data of
 * @etalab/decoupage-administratif. Run it after upgrading that package: a unit test fails while the file is stale.
 *
 *   node dist/scripts/buildCommunes.js [output file]   (default: programme/communes.json)
 */
import { writeFileSync } from 'node:fs';
import { communesFromPackage, formatCompactCommunes } from './communesFile.js';

const output = process.argv[2] ?? 'programme/communes.json';
const data = communesFromPackage();
writeFileSync(output, formatCompactCommunes(data));
console.log(
  `${output}: ${data.communes.length} communes, ${data.formerNames.length} former names (${data.source})`,
);
