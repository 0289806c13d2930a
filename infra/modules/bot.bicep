// The Azure Bot: single tenant, signing in as the app's user-assigned managed identity (no password), with the
// Microsoft Teams channel and Direct Line for the web page (its secret goes to Key Vault).
param name string
param tags object
param sku string
@description('https://<app>.azurewebsites.net/api/messages')
param endpoint string
param identityId string
param clientId string
param tenantId string
param insightsKey string
param useDirectLine bool
param keyVaultName string

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: { name: sku }
  properties: {
    displayName: 'AliZé — CCI Alès-Cévennes'
    endpoint: endpoint
    msaAppId: clientId
    msaAppType: 'UserAssignedMSI'
    msaAppTenantId: tenantId
    msaAppMSIResourceId: identityId
    developerAppInsightKey: insightsKey
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: { isEnabled: true }
  }
}

resource directLine 'Microsoft.BotService/botServices/channels@2022-09-15' = if (useDirectLine) {
  parent: bot
  name: 'DirectLineChannel'
  location: 'global'
  properties: {
    channelName: 'DirectLineChannel'
    properties: {
      sites: [
        {
          siteName: 'alize-web'
          isEnabled: true
          isV1Enabled: false
          isV3Enabled: true
          isSecureSiteEnabled: false
        }
      ]
    }
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource directLineSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (useDirectLine) {
  parent: vault
  name: 'direct-line-secret'
  properties: {
    value: useDirectLine ? directLine.listChannelWithKeys().properties.properties.sites[0].key : ''
  }
}

output name string = bot.name
output directLineSecretUri string = useDirectLine ? directLineSecret.properties.secretUri : ''
