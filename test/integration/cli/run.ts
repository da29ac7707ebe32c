import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const FIXTURES = fileURLToPath(new URL('../../fixtures/workbooks/', import.meta.url));

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/fleetbook.mjs ARGS` from the repository root. */
export function fleetbook(...args: string[]): Run {
  const r = spawnSync(process.execPath, ['bin/fleetbook.mjs', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, FLEETBOOK_DEBUG: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Brings the built CLI up to date first (the launcher builds under a lock), so test timings stay even. */
export function buildCli(): void {
  const r = fleetbook('--help');
  if (r.code !== 0) throw new Error(`the CLI did not start:\n${r.stderr}`);
}

/** A line of stderr as the spec fixes it: `Sheet!Cell: message` (or `file: message` for the file as a whole). */
export const PROBLEM_LINE = /^[^\n:!]+(![A-Z]+\d+)?: \S.*$/;
