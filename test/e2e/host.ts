import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWebHost, type RunningWebHost } from '../../electron/web';

export interface TestHost {
  host: RunningWebHost;
  /** Where Save As and exports land in browser mode. */
  saveDir: string;
  close(): Promise<void>;
}

/**
 * The real web host on a free loopback port with its own user-data folder. `firstStart: false`
 * (the default) marks the sample fleet as already shown, so a test's own file is the only one opened.
 */
export async function startTestHost(options: { firstStart?: boolean } = {}): Promise<TestHost> {
  const dir = mkdtempSync(join(tmpdir(), 'fleetbook-e2e-'));
  const userDataDir = join(dir, 'user');
  const saveDir = join(dir, 'saves');
  if (!options.firstStart) {
    mkdirSync(userDataDir, { recursive: true });
    writeFileSync(join(userDataDir, 'sample-shown'), 'e2e');
  }
  const host = await startWebHost({ userDataDir, saveDir });
  return {
    host,
    saveDir,
    async close() {
      await host.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
