import { createStores } from '../../storage/createStores.js';
import { azureBackend, startAzurite, type RunningAzurite } from '../support/azurite.js';
import { pdfApiTests, pdfApiWorld, type PdfApiWorld } from '../support/pdfApiSuite.js';

let azurite: RunningAzurite;
let world: PdfApiWorld;
beforeAll(async () => {
  azurite = await startAzurite();
  world = await pdfApiWorld(createStores({ dataDir: 'unused-on-azure', backend: azureBackend(azurite) }));
});
afterAll(async () => {
  await world?.api.close();
  await world?.stores.close();
  await azurite?.stop();
});

describe('the committee API’s PDFs on Azure (Azurite)', () => {
  pdfApiTests(() => world);
});
