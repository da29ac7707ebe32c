/** Names and paths as the user sees them, and the file formats the host reads and writes. */
import { homedir } from 'node:os';
import { basename, extname, join, parse, sep } from 'node:path';
import type { DocumentFormat } from '../../shared/ipc/contract';
import { isNotFound } from './errors';
import type { HostFs } from './fs';

/** The path for display: the home folder shortened to `~`. */
export function displayPath(path: string, home: string = homedir()): string {
  if (home && (path === home || path.startsWith(home + sep))) return `~${path.slice(home.length)}`;
  return path;
}

/** The format a file name implies, or null when Fleetbook cannot write that kind of file. */
export function formatOf(name: string): DocumentFormat | null {
  const ext = extname(name).toLowerCase();
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.csv') return 'csv';
  return null;
}

// Characters no common file system accepts in a name, and names Windows reserves.
const FORBIDDEN = /[<>:"/\\|?*]/g;
const isControl = (c: string) => c.charCodeAt(0) < 32;
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * A bare file name from something the renderer suggested: no folders, no forbidden characters,
 * ending in .xlsx or .csv (.xlsx added when it ends in neither).
 */
export function safeFileName(suggested: string, fallback = 'Fleet.xlsx'): string {
  let name = [...basename(suggested.replace(/\\/g, '/'))].map((c) => (isControl(c) ? '_' : c)).join('').replace(FORBIDDEN, '_').replace(/^[.\s]+|[.\s]+$/g, '').slice(0, 200);
  if (!name || RESERVED.test(parse(name).name)) name = fallback;
  if (!formatOf(name)) name = `${name}.xlsx`;
  return name;
}

/** `folder/name`, or `folder/name (2).ext`... when that name is taken, so nothing is overwritten. */
export async function uniquePath(fs: HostFs, folder: string, name: string): Promise<string> {
  const { name: stem, ext } = parse(name);
  for (let n = 1; n < 10_000; n++) {
    const candidate = join(folder, n === 1 ? name : `${stem} (${n})${ext}`);
    try {
      await fs.stat(candidate);
    } catch (e) {
      if (isNotFound(e)) return candidate;
      throw e;
    }
  }
  throw new Error(`too many files named like ${name} in ${folder}`);
}
