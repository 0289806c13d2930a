// The App Service: Linux, Node 22 LTS, Always On, HTTPS only, /healthz as health check, the user-assigned identity
// for storage, Key Vault references and the bot. azd finds it by its azd-service-name tag and deploys the sources;
// Oryx runs `npm ci`/`npm run build` (SCM_DO_BUILD_DURING_DEPLOYMENT).
param planName string
param webName string
param location string
param tags object
param sku string
param instanceCount int
param identityId string
@description('Every app setting, name to value; Key Vault references as @Microsoft.KeyVault(SecretUri=…).')
param appSettings object

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: { name: sku, capacity: instanceCount }
  properties: { reserved: true }
}

resource web 'Microsoft.Web/sites@2023-12-01' = {
  name: webName
  location: location
  tags: union(tags, { 'azd-service-name': 'bot' })
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      alwaysOn: true
      healthCheckPath: '/healthz'
      // The same node flags as `npm start` (heap sized by docs/benchmarks.md, issue 19).
      appCommandLine: 'node --max-old-space-size=256 dist/bot/index.js'
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      http20Enabled: true
    }
  }
}

resource settings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: web
  name: 'appsettings'
  properties: appSettings
}

resource logs 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: web
  name: 'logs'
  properties: {
    applicationLogs: { fileSystem: { level: 'Information' } }
    httpLogs: { fileSystem: { enabled: true, retentionInDays: 3, retentionInMb: 35 } }
  }
}

output name string = web.name
output defaultHostName string = web.properties.defaultHostName
