/**
 * Autosave of unsaved work to `<userData>/recovery/<docId>.json`, and recovery on the next start.
 * A record is removed when its document is saved or closed cleanly; what is left after a crash is
 * offered back.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { fleetSchema } from '../../shared/ipc/fleet-schema';
import { writeFileAtomic } from './atomic-write';
import { isNotFound } from './errors';
import type { HostFs } from './fs';

export const RECOVERY_DIR = 'recovery';
const ID = /^[A-Za-z0-9_-]{1,100}$/;

const recordSchema = z.strictObject({
  format: z.literal('fleetbook-recovery'),
  version: z.literal(1),
  docId: z.string().regex(ID),
  name: z.string(),
  savedAt: z.string(),
  /** The file the work belongs to, as it was when last read or written. */
  source: z.strictObject({ path: z.string(), mtimeMs: z.number(), size: z.number() }).nullable(),
  overwriteBlocked: z.string().nullable(),
  fleet: fleetSchema,
});

export type RecoveryRecord = z.infer<typeof recordSchema>;
export type RecoveryInput = Omit<RecoveryRecord, 'format' | 'version'>;

export class RecoveryStore {
  readonly dir: string;

  constructor(
    userDataDir: string,
    private readonly fs: HostFs,
  ) {
    this.dir = join(userDataDir, RECOVERY_DIR);
  }

  private fileOf(id: string): string {
    // Ids come from the host, but a recovery id also arrives in requests: never let it be a path.
    if (!ID.test(id)) throw new Error(`not a recovery id: ${id}`);
    return join(this.dir, `${id}.json`);
  }

  async write(input: RecoveryInput): Promise<void> {
    const record: RecoveryRecord = { format: 'fleetbook-recovery', version: 1, ...input };
    await this.fs.mkdir(this.dir, { recursive: true });
    await writeFileAtomic(this.fileOf(input.docId), new TextEncoder().encode(JSON.stringify(record)), { fs: this.fs, backup: false });
  }

  /** The record, or null when missing or unreadable (a damaged record is not worth an error). */
  async read(id: string): Promise<RecoveryRecord | null> {
    if (!ID.test(id)) return null;
    try {
      const parsed = recordSchema.safeParse(JSON.parse(await this.fs.readFile(this.fileOf(id), 'utf8')));
      return parsed.success && parsed.data.docId === id ? parsed.data : null;
    } catch {
      return null;
    }
  }

  /** Every readable record, newest first, except those of documents open in this session. */
  async list(exclude: ReadonlySet<string>): Promise<RecoveryRecord[]> {
    let names: string[];
    try {
      names = await this.fs.readdir(this.dir);
    } catch (e) {
      if (isNotFound(e)) return [];
      throw e;
    }
    const records: RecoveryRecord[] = [];
    for (const name of names) {
      const id = name.endsWith('.json') ? name.slice(0, -'.json'.length) : '';
      if (!ID.test(id) || exclude.has(id)) continue;
      const record = await this.read(id);
      if (record) records.push(record);
    }
    return records.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  }

  async remove(id: string): Promise<void> {
    if (!ID.test(id)) return;
    try {
      await this.fs.unlink(this.fileOf(id));
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  }
}
