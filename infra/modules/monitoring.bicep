// Log Analytics and a workspace-based Application Insights: the app exports its OpenTelemetry traces and metrics
// there (bot/telemetry/), and App Service its console logs.
param logsName string
param insightsName string
param location string
param tags object

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: logsName
  location: location
  tags: tags
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: insightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    // Telemetry holds no personal data, but the IP of the sender is not kept either.
    DisableIpMasking: false
  }
}

output connectionString string = insights.properties.ConnectionString
output instrumentationKey string = insights.properties.InstrumentationKey
output logsId string = logs.id
