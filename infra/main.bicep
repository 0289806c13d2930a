// The AliZé assistant on Azure, for `azd up`: App Service (Linux, Node 22), Storage (blobs, tables, queue),
// an Azure Bot (Teams, Direct Line) signing in as a user-assigned managed identity, Key Vault for the secrets,
// Log Analytics and Application Insights. Every app setting it writes is one bot/config.ts reads
// (test/unit/infraTemplate.test.ts checks the names).
targetScope = 'subscription'

@minLength(1)
@maxLength(40)
@description('azd environment name; names and tags every resource.')
param environmentName string

@minLength(1)
@description('Azure region of every resource but the bot (global), e.g. francecentral.')
param location string

@description('CCI advisors: Microsoft Entra object ids, comma-separated (ADVISOR_IDS).')
param advisorIds string = ''

@secure()
@description('Bearer token of the committee API (COMMITTEE_TOKEN); empty: the API stays off. 32+ random characters.')
param committeeToken string = ''

@secure()
@description('Client secret of the advisors\' web sign-in (ADVISOR_OIDC_CLIENT_SECRET); empty: no web sign-in secret.')
param advisorOidcClientSecret string = ''

@description('ADVISOR_OIDC_CLIENT_ID: the app registration of the advisors\' web sign-in; empty: off.')
param advisorOidcClientId string = ''

@description('App Service plan SKU (B1 or above: Always On; S1/P0v3 for autoscale).')
param appServiceSku string = 'B1'

@description('Number of instances ("1", "2"…); more than one shares state through the storage account.')
param instanceCount string = '1'

@description('"true": the app reads the storage account through a connection string kept in Key Vault instead of its managed identity.')
param useStorageConnectionString string = 'false'

@description('Use Azure\'s Direct Line for the web page (needed with several instances): its secret goes to Key Vault.')
param useAzureDirectLine bool = true

@description('Azure Bot pricing tier: F0 (free, standard channels) or S1.')
param botSku string = 'F0'

var tags = { 'azd-env-name': environmentName }
var token = toLower(uniqueString(subscription().id, environmentName, location))
var names = {
  group: 'rg-${environmentName}'
  identity: 'id-alize-${token}'
  storage: take('stalize${token}', 24)
  keyVault: take('kv-alize-${token}', 24)
  logs: 'log-alize-${token}'
  insights: 'appi-alize-${token}'
  plan: 'plan-alize-${token}'
  web: 'app-alize-${token}'
  bot: 'bot-alize-${token}'
}

resource group 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: names.group
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: group
  params: { name: names.identity, location: location, tags: tags }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: group
  params: { logsName: names.logs, insightsName: names.insights, location: location, tags: tags }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: group
  params: {
    name: names.storage
    location: location
    tags: tags
    principalId: identity.outputs.principalId
  }
}

module vault 'modules/keyVault.bicep' = {
  name: 'keyVault'
  scope: group
  params: {
    name: names.keyVault
    location: location
    tags: tags
    principalId: identity.outputs.principalId
    committeeToken: committeeToken
    advisorOidcClientSecret: advisorOidcClientSecret
    storageAccountName: bool(useStorageConnectionString) ? storage.outputs.name : ''
  }
}

// The messaging endpoint is the web app's default host name, known from its name: the bot (and its Direct Line
// secret) can exist before the app that reads it.
module bot 'modules/bot.bicep' = {
  name: 'bot'
  scope: group
  params: {
    name: names.bot
    tags: tags
    sku: botSku
    endpoint: 'https://${names.web}.azurewebsites.net/api/messages'
    identityId: identity.outputs.id
    clientId: identity.outputs.clientId
    tenantId: tenant().tenantId
    insightsKey: monitoring.outputs.instrumentationKey
    useDirectLine: useAzureDirectLine
    keyVaultName: vault.outputs.name
  }
}

module web 'modules/appService.bicep' = {
  name: 'appService'
  scope: group
  params: {
    planName: names.plan
    webName: names.web
    location: location
    tags: tags
    sku: appServiceSku
    instanceCount: int(instanceCount)
    identityId: identity.outputs.id
    appSettings: union(
      {
        STORAGE: 'azure'
        AZURE_STATE_CONTAINER: storage.outputs.stateContainer
        AZURE_APPLICATIONS_TABLE: storage.outputs.applicationsTable
        AZURE_REQUESTS_TABLE: storage.outputs.requestsTable
        AZURE_FUNNEL_TABLE: storage.outputs.funnelTable
        AZURE_NOTIFY_QUEUE: storage.outputs.notifyQueue
        // DefaultAzureCredential picks the user-assigned identity by its client id.
        AZURE_CLIENT_ID: identity.outputs.clientId
        MicrosoftAppId: identity.outputs.clientId
        MicrosoftAppType: 'UserAssignedMSI'
        MicrosoftAppTenantId: tenant().tenantId
        ADVISOR_IDS: advisorIds
        APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.connectionString
        LOG_LEVEL: 'info'
        // App Service's front ends connect from private ranges: only their X-Forwarded-For is believed.
        TRUSTED_PROXIES: '10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,100.64.0.0/10'
        // Oryx installs the packages and runs `npm run build` on deployment (azd sends the sources).
        SCM_DO_BUILD_DURING_DEPLOYMENT: 'true'
      },
      bool(useStorageConnectionString) ? { AZURE_STORAGE_CONNECTION_STRING: '@Microsoft.KeyVault(SecretUri=${vault.outputs.storageConnectionStringUri})' } : { AZURE_STORAGE_ACCOUNT_URL: storage.outputs.blobUrl },
      empty(committeeToken) ? {} : { COMMITTEE_TOKEN: '@Microsoft.KeyVault(SecretUri=${vault.outputs.committeeTokenUri})' },
      useAzureDirectLine ? { DIRECT_LINE_SECRET: '@Microsoft.KeyVault(SecretUri=${bot.outputs.directLineSecretUri})' } : {},
      empty(advisorOidcClientId) ? {} : { ADVISOR_OIDC_CLIENT_ID: advisorOidcClientId },
      empty(advisorOidcClientSecret) ? {} : { ADVISOR_OIDC_CLIENT_SECRET: '@Microsoft.KeyVault(SecretUri=${vault.outputs.advisorOidcClientSecretUri})' }
    )
  }
}

// What azd keeps in .azure/<env>/.env: `azd env get-values` feeds `npm run teams:package`.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = group.name
output AZURE_KEY_VAULT_NAME string = vault.outputs.name
output AZURE_KEY_VAULT_ENDPOINT string = vault.outputs.uri
output AZURE_STORAGE_ACCOUNT_URL string = storage.outputs.blobUrl
output AZURE_CLIENT_ID string = identity.outputs.clientId
output SERVICE_BOT_NAME string = web.outputs.name
output SERVICE_BOT_URI string = 'https://${web.outputs.defaultHostName}'
output PUBLIC_HOST string = web.outputs.defaultHostName
output MicrosoftAppId string = identity.outputs.clientId
output MicrosoftAppTenantId string = tenant().tenantId
output BOT_RESOURCE_NAME string = bot.outputs.name
