/**
 * The file-system functions the host services use, injectable so tests can make a write fail
 * midway (a full disk) or a rename be refused (a read-only folder) without needing those conditions.
 */
import * as fsp from 'node:fs/promises';

export type HostFs = Pick<
  typeof fsp,
  'open' | 'rename' | 'unlink' | 'copyFile' | 'link' | 'stat' | 'readFile' | 'readdir' | 'mkdir'
>;

export const nodeFs: HostFs = fsp;
