import type { QueueClient } from '@azure/storage-queue';
import { queueClientOf, type AzureAccount } from './azureAccount.js';
import type { StoredApplication } from './applicationQueue.js';

/** What an advisors' tool (a Logic App, an Azure Function) receives per new file: no personal data. */
export interface ApplicationReceivedMessage {
  event: 'applicationReceived';
  reference: string;
  submittedAt: string;
}

export interface ApplicationNotifier {
  applicationReceived(app: StoredApplication): Promise<void>;
}

/**
 * One Azure Storage Queue message per new file. Base64 text, as Azure Functions' queue trigger expects by
 * default. The queue is created on first use.
 */
export class StorageQueueNotifier implements ApplicationNotifier {
  private readonly client: QueueClient;
  private created: Promise<unknown> | undefined;

  constructor(account: AzureAccount, queueName: string) {
    this.client = queueClientOf(account, queueName);
  }

  async applicationReceived(app: StoredApplication): Promise<void> {
    this.created ??= this.client.createIfNotExists().catch((error: unknown) => {
      this.created = undefined;
      throw error;
    });
    await this.created;
    const message: ApplicationReceivedMessage = {
      event: 'applicationReceived',
      reference: app.reference,
      submittedAt: app.submittedAt,
    };
    await this.client.sendMessage(Buffer.from(JSON.stringify(message), 'utf8').toString('base64'));
  }
}
