import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { appSettingNames, linkProblems, outlineBicep } from './bicepOutline.js';

/** Settings App Service or a library reads, not bot/config.ts: each with who reads it. */
export const PLATFORM_SETTINGS: Record<string, string> = {
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'App Service (Oryx) builds the sources azd sends',
  AZURE_CLIENT_ID: "@azure/identity's DefaultAzureCredential picks the user-assigned identity by it",
};

/** What the Azure deployment cannot start without. */
export const REQUIRED_SETTINGS = [
  'STORAGE',
  'MicrosoftAppId',
  'MicrosoftAppType',
  'MicrosoftAppTenantId',
  'AZURE_CLIENT_ID',
  'APPLICATIONINSIGHTS_CONNECTION_STRING',
];

/** Env-like string literals of the server's code (`'COMMITTEE_TOKEN'`, `'MicrosoftAppId'`, `'PORT'`). */
export function settingsReadByCode(root: string): Set<string> {
  const names = new Set<string>();
  for (const folder of ['bot', 'storage']) {
    for (const entry of fs.readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
      const text = fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
      for (const m of text.matchAll(/'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|Microsoft[A-Za-z]+|[A-Z]{4,})'/g)) {
        names.add(m[1]);
      }
    }
  }
  return names;
}

/** Every problem of azure.yaml and infra/ that can be found without Azure and without the Bicep compiler. */
export function infraProblems(root: string): string[] {
  const problems: string[] = [];
  const azureYaml = parseYaml(fs.readFileSync(path.join(root, 'azure.yaml'), 'utf8')) as {
    name?: string;
    infra?: { provider?: string; path?: string; module?: string };
    services?: Record<string, { project?: string; language?: string; host?: string }>;
  };
  const infraDir = path.join(root, azureYaml.infra?.path ?? 'infra');
  const mainFile = path.join(infraDir, `${azureYaml.infra?.module ?? 'main'}.bicep`);
  if (azureYaml.infra?.provider !== 'bicep') problems.push('azure.yaml: infra.provider must be bicep');
  if (!fs.existsSync(mainFile))
    return [...problems, `azure.yaml: ${path.relative(root, mainFile)} does not exist`];
  const services = Object.entries(azureYaml.services ?? {});
  if (services.length !== 1) problems.push('azure.yaml: one service expected (the bot)');
  const [serviceName, service] = services[0] ?? ['', {}];
  if (service.host !== 'appservice')
    problems.push(`azure.yaml: service ${serviceName} must be host: appservice`);
  if (!['js', 'ts'].includes(service.language ?? ''))
    problems.push(`azure.yaml: service ${serviceName}: language js or ts`);

  problems.push(...linkProblems(mainFile));
  const main = outlineBicep(mainFile);

  // azd fills main.parameters.json from its environment: each entry must be a param of main.bicep.
  const parametersFile = path.join(infraDir, `${azureYaml.infra?.module ?? 'main'}.parameters.json`);
  const parameters = JSON.parse(fs.readFileSync(parametersFile, 'utf8')) as {
    parameters: Record<string, unknown>;
  };
  const declared = new Set(main.params.map((p) => p.name));
  for (const name of Object.keys(parameters.parameters)) {
    if (!declared.has(name)) problems.push(`main.parameters.json: ${name} is not a param of main.bicep`);
  }
  for (const param of main.params.filter((p) => !p.optional)) {
    if (!(param.name in parameters.parameters))
      problems.push(`main.parameters.json: required ${param.name} missing`);
  }
  for (const output of [
    'AZURE_LOCATION',
    'AZURE_TENANT_ID',
    'AZURE_RESOURCE_GROUP',
    'PUBLIC_HOST',
    'MicrosoftAppId',
  ]) {
    if (!main.outputs.includes(output))
      problems.push(`main.bicep: output ${output} (azd, npm run teams:package) missing`);
  }

  // Every app setting is one the server (or the platform) reads; the ones it needs are there.
  const settings = appSettingNames(mainFile);
  const read = settingsReadByCode(root);
  for (const name of settings) {
    if (!read.has(name) && !(name in PLATFORM_SETTINGS)) {
      problems.push(`main.bicep: app setting ${name} is read by nothing (bot/config.ts, storage/)`);
    }
  }
  for (const name of REQUIRED_SETTINGS) {
    if (!settings.includes(name)) problems.push(`main.bicep: app setting ${name} is required`);
  }
  if (
    !settings.includes('AZURE_STORAGE_ACCOUNT_URL') &&
    !settings.includes('AZURE_STORAGE_CONNECTION_STRING')
  ) {
    problems.push('main.bicep: AZURE_STORAGE_ACCOUNT_URL or AZURE_STORAGE_CONNECTION_STRING is required');
  }
  problems.push(...moduleFacts(infraDir, serviceName));
  return problems;
}

/** What the issue asks of each resource, as written in the modules. */
function moduleFacts(infraDir: string, serviceName: string): string[] {
  const facts: [string, RegExp, string][] = [
    ['appService.bicep', /linuxFxVersion:\s*'NODE\|(22|24)-lts'/, 'Linux, Node 22 or 24 LTS'],
    ['appService.bicep', /alwaysOn:\s*true/, 'Always On'],
    ['appService.bicep', /healthCheckPath:\s*'\/healthz'/, 'health check on /healthz'],
    ['appService.bicep', /httpsOnly:\s*true/, 'HTTPS only'],
    ['appService.bicep', /keyVaultReferenceIdentity:\s*identityId/, 'Key Vault references with the identity'],
    [
      'appService.bicep',
      new RegExp(`'azd-service-name':\\s*'${serviceName}'`),
      `azd tag of service ${serviceName}`,
    ],
    ['bot.bicep', /msaAppType:\s*'UserAssignedMSI'/, 'bot signs in as the managed identity'],
    ['bot.bicep', /channelName:\s*'MsTeamsChannel'/, 'Teams channel'],
    ['bot.bicep', /channelName:\s*'DirectLineChannel'/, 'Direct Line channel'],
    ['storage.bicep', /ba92f5b4-2d11-453d-a403-e96b0029c9fe/, 'Storage Blob Data Contributor'],
    ['storage.bicep', /0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3/, 'Storage Table Data Contributor'],
    ['storage.bicep', /974c5e8b-45b9-4653-ba55-5f855dd0fb88/, 'Storage Queue Data Contributor'],
    ['keyVault.bicep', /4633458b-17de-408a-b874-0445c86b69e6/, 'Key Vault Secrets User'],
    ['keyVault.bicep', /enableRbacAuthorization:\s*true/, 'Key Vault with Azure RBAC'],
    ['monitoring.bicep', /WorkspaceResourceId:\s*logs\.id/, 'Application Insights on Log Analytics'],
  ];
  const problems: string[] = [];
  for (const [file, pattern, what] of facts) {
    const full = path.join(infraDir, 'modules', file);
    const text = fs.existsSync(full) ? fs.readFileSync(full, 'utf8') : '';
    if (!pattern.test(text)) problems.push(`modules/${file}: ${what} (${pattern.source}) not found`);
  }
  return problems;
}
