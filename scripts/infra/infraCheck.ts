/**
 * `npm run infra:check`: azure.yaml and infra/*.bicep checked without Azure and without the Bicep compiler (not
 * on the npm registry): module links, params, outputs, brackets, app setting names against the code, and the
 * properties the deployment relies on. Exits 1 with one line per problem.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { appSettingNames } from './bicepOutline.js';
import { infraProblems } from './infraProblems.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const problems = infraProblems(root);
const settings = appSettingNames(path.join(root, 'infra/main.bicep'));
console.log(`infra/main.bicep: ${settings.length} app settings (${settings.join(', ')})`);
if (problems.length === 0) {
  console.log(
    'infra check: ok (structure only; `bicep build infra/main.bicep` where the Bicep CLI is installed)',
  );
} else {
  for (const problem of problems) console.log(`  - ${problem}`);
  console.log(`infra check: ${problems.length} problem(s)`);
  process.exitCode = 1;
}
