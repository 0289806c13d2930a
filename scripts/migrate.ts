/**
 * Copies the embedded data (DATA_DIR: bot state, committee files with their references and sequence,
 * idempotency keys, contact requests) into the Azure Storage account of AZURE_STORAGE_CONNECTION_STRING and the
 * AZURE_* names, then checks every item is there. Never overwrites; running it twice changes nothing.
 *
 *   npm run migrate -- --from lowdb --to azure
 *
 * Exit code: 0 when every item was found in Azure, 1 on a mismatch or a configuration problem, 2 on bad usage.
 */
import 'dotenv/config';
import { ConfigError, loadConfig } from '../bot/config.js';
import { migrateLowdbToAzure, type MigrationCount } from '../storage/migrateToAzure.js';

const USAGE = 'usage: npm run migrate -- --from lowdb --to azure';

function parseArgs(args: string[]): { from: string; to: string } | undefined {
  const value = (flag: string): string | undefined => {
    const index = args.indexOf(flag);
    return index >= 0 ? args[index + 1] : undefined;
  };
  const from = value('--from');
  const to = value('--to');
  return args.length === 4 && from && to ? { from, to } : undefined;
}

function countLine(count: MigrationCount): string {
  const cells = [
    count.kind.padEnd(16),
    String(count.found).padStart(6),
    String(count.copied).padStart(7),
    String(count.present).padStart(8),
    String(count.verified).padStart(9),
  ];
  const status = count.verified === count.found && count.conflicts.length === 0 ? 'ok' : 'MISMATCH';
  const conflicts = count.conflicts.length > 0 ? ` (differs in Azure: ${count.conflicts.join(', ')})` : '';
  return `${cells.join('  ')}  ${status}${conflicts}`;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (!args || args.from !== 'lowdb' || args.to !== 'azure') {
    console.error(`${USAGE}\n(only lowdb → azure is supported)`);
    return 2;
  }
  let config;
  try {
    // The Azure settings are read whatever STORAGE says: the bot may still run on lowdb while copying.
    config = loadConfig({ ...process.env, STORAGE: 'azure' });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    return 1;
  }
  if (config.storage.kind !== 'azure') return 1;
  const { stateContainer, applicationsTable, requestsTable } = config.storage;
  console.log(`from ${config.dataDir}`);
  console.log(`to   container ${stateContainer}, tables ${applicationsTable} and ${requestsTable}`);
  const report = await migrateLowdbToAzure(config.dataDir, config.storage);
  console.log(
    `\n${'kind'.padEnd(16)}  ${'lowdb'.padStart(6)}  ${'copied'.padStart(7)}  ${'present'.padStart(8)}  ${'in azure'.padStart(9)}`,
  );
  for (const count of report.counts) console.log(countLine(count));
  console.log(report.ok ? '\nmigration complete: every item is in Azure' : '\nMISMATCH: see the lines above');
  return report.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
