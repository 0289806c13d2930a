import { TestEnvironment } from 'jest-environment-node';
import { removeFolders, TEMP_FOLDERS } from './tempFolders.js';

/** Jest's Node environment, which removes the test file's temporary folders (tempFolders.ts) at teardown. */
export default class TempFolderEnvironment extends TestEnvironment {
  override async teardown(): Promise<void> {
    removeFolders((this.global as { [TEMP_FOLDERS]?: Set<string> })[TEMP_FOLDERS]);
    await super.teardown();
  }
}
