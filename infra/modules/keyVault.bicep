// The app's secrets, read by App Service through Key Vault references (@Microsoft.KeyVault(SecretUri=…)) with the
// app's managed identity: they never appear in the app settings.
param name string
param location string
param tags object
@description('The managed identity that reads the secrets (Key Vault Secrets User).')
param principalId string
@secure()
param committeeToken string
@secure()
param advisorOidcClientSecret string
@description('When set, the storage account\'s connection string is kept here too (the Key Vault option of storage).')
param storageAccountName string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
  }
}

// Built-in role: Key Vault Secrets User.
resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, principalId, '4633458b-17de-408a-b874-0445c86b69e6')
  scope: vault
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId(
      'Microsoft.Authorization/roleDefinitions',
      '4633458b-17de-408a-b874-0445c86b69e6'
    )
  }
}

resource committee 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(committeeToken)) {
  parent: vault
  name: 'committee-token'
  properties: { value: committeeToken }
}

resource oidcSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(advisorOidcClientSecret)) {
  parent: vault
  name: 'advisor-oidc-client-secret'
  properties: { value: advisorOidcClientSecret }
}

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' existing = if (!empty(storageAccountName)) {
  name: storageAccountName
}

resource storageConnection 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(storageAccountName)) {
  parent: vault
  name: 'storage-connection-string'
  properties: {
    value: 'DefaultEndpointsProtocol=https;AccountName=${storageAccountName};AccountKey=${account.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
  }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
output committeeTokenUri string = empty(committeeToken) ? '' : committee.properties.secretUri
output advisorOidcClientSecretUri string = empty(advisorOidcClientSecret) ? '' : oidcSecret.properties.secretUri
output storageConnectionStringUri string = empty(storageAccountName) ? '' : storageConnection.properties.secretUri
