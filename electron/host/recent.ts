/**
 * The recent-files list: a JSON file in the user-data folder, newest first, one entry per path,
 * capped, with files that no longer exist pruned when the list is read.
 */
import { createHash } from 'node:crypto';
import { basename, join, resolve } from 'node:path';
import { z } from 'zod';
import type { RecentEntry } from '../../shared/ipc/contract';
import { writeFileAtomic } from './atomic-write';
import { isNotFound } from './errors';
import type { HostFs } from './fs';
import { displayPath } from './paths';
import { SerialQueue } from './serial';

export const RECENT_FILE = 'recent-files.json';
export const DEFAULT_RECENT_CAP = 10;

const storedSchema = z.object({
  version: z.literal(1),
  files: z.array(z.object({ path: z.string().min(1), openedAt: z.string() })),
});
type Stored = z.infer<typeof storedSchema>['files'][number];

/** Case-insensitive file systems (the defaults on Windows and macOS) name one file many ways. */
function sameFileKey(path: string): string {
  return process.platform === 'win32' || process.platform === 'darwin' ? path.toLowerCase() : path;
}

/** A stable id for a path that does not reveal it. */
export function recentIdOf(path: string): string {
  return createHash('sha256').update(sameFileKey(path)).digest('hex').slice(0, 24);
}

export interface RecentFilesOptions {
  fs: HostFs;
  cap?: number;
  now?: () => Date;
  /** Called after the list changed (the Electron menu rebuilds Open Recent). */
  onChange?: () => void;
}

export class RecentFiles {
  private readonly file: string;
  private readonly queue = new SerialQueue();

  constructor(
    private readonly userDataDir: string,
    private readonly options: RecentFilesOptions,
  ) {
    this.file = join(userDataDir, RECENT_FILE);
  }

  /** The list, newest first, without files that no longer exist. */
  list(): Promise<RecentEntry[]> {
    return this.queue.run('recent', async () => {
      const files = await this.load();
      const present: Stored[] = [];
      for (const f of files) {
        if (await this.exists(f.path)) present.push(f);
      }
      if (present.length !== files.length) await this.store(present);
      return present.map(toEntry);
    });
  }

  /** Put a file at the top of the list. */
  add(path: string): Promise<void> {
    const abs = resolve(path);
    return this.queue.run('recent', async () => {
      const key = sameFileKey(abs);
      const files = (await this.load()).filter((f) => sameFileKey(f.path) !== key);
      files.unshift({ path: abs, openedAt: (this.options.now?.() ?? new Date()).toISOString() });
      await this.store(files.slice(0, this.options.cap ?? DEFAULT_RECENT_CAP));
    });
  }

  /** The path behind an id, or null when it is not (or no longer) in the list. */
  resolve(id: string): Promise<string | null> {
    return this.queue.run('recent', async () => (await this.load()).find((f) => recentIdOf(f.path) === id)?.path ?? null);
  }

  remove(id: string): Promise<void> {
    return this.queue.run('recent', async () => {
      const files = await this.load();
      const kept = files.filter((f) => recentIdOf(f.path) !== id);
      if (kept.length !== files.length) await this.store(kept);
    });
  }

  private async exists(path: string): Promise<boolean> {
    try {
      return (await this.options.fs.stat(path)).isFile();
    } catch (e) {
      // Only a file known to be gone is pruned; a drive that cannot be read right now stays listed.
      return !isNotFound(e);
    }
  }

  private async load(): Promise<Stored[]> {
    let text: string;
    try {
      text = await this.options.fs.readFile(this.file, 'utf8');
    } catch {
      return [];
    }
    try {
      const parsed = storedSchema.safeParse(JSON.parse(text));
      // A damaged list is not worth an error: start a fresh one.
      return parsed.success ? parsed.data.files : [];
    } catch {
      return [];
    }
  }

  private async store(files: Stored[]): Promise<void> {
    await this.options.fs.mkdir(this.userDataDir, { recursive: true });
    const body: z.infer<typeof storedSchema> = { version: 1, files };
    await writeFileAtomic(this.file, new TextEncoder().encode(JSON.stringify(body, null, 2)), { fs: this.options.fs, backup: false });
    this.options.onChange?.();
  }
}

function toEntry(f: Stored): RecentEntry {
  return { id: recentIdOf(f.path), name: basename(f.path), displayPath: displayPath(f.path), openedAt: f.openedAt };
}
