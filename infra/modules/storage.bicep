// The shared storage of every instance (storage/azure*.ts): the state container, the three tables and the queue of
// new files, reached by the app's managed identity (no key in the app settings).
param name string
param location string
param tags object
@description('The managed identity given data access to blobs, tables and queues.')
param principalId string

var stateContainer = 'alize-state'
var applicationsTable = 'AlizeApplications'
var requestsTable = 'AlizeRequests'
var funnelTable = 'AlizeFunnel'
var notifyQueue = 'alize-new-files'

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_ZRS' }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    // The app signs in with Entra ID; a connection string (Key Vault option) still needs the keys.
    allowSharedKeyAccess: true
  }
}

resource blobs 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    deleteRetentionPolicy: { enabled: true, days: 14 }
    containerDeleteRetentionPolicy: { enabled: true, days: 14 }
    isVersioningEnabled: true
  }
}

resource container 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobs
  name: stateContainer
  properties: { publicAccess: 'None' }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource applications 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = {
  parent: tableService
  name: applicationsTable
}

resource requests 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = {
  parent: tableService
  name: requestsTable
}

// The anonymous funnel counters of the committee's statistics (one entity per month and step).
resource funnel 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = {
  parent: tableService
  name: funnelTable
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource queue 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = {
  parent: queueService
  name: notifyQueue
}

// Built-in roles: Storage Blob / Table / Queue Data Contributor.
var roles = {
  blob: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  table: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  queue: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
}

resource dataAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in items(roles): {
    name: guid(account.id, principalId, role.value)
    scope: account
    properties: {
      principalId: principalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.value)
    }
  }
]

output name string = account.name
output blobUrl string = 'https://${account.name}.blob.${environment().suffixes.storage}'
output stateContainer string = container.name
output applicationsTable string = applications.name
output requestsTable string = requests.name
output funnelTable string = funnel.name
output notifyQueue string = queue.name
