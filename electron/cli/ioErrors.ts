/** File system errors as short reasons a user can act on (never the raw errno text with its paths). */

export function errorCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : undefined;
}

const COMMON: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a folder, not a file',
  EBUSY: 'the file is in use by another program',
  EROFS: 'the disk is read-only',
};

export function readReason(e: unknown): string {
  const code = errorCode(e);
  if (code === 'ENOENT') return 'no such file';
  if (code === 'ENOTDIR') return 'no such file (part of the path is not a folder)';
  return (code && COMMON[code]) ?? `cannot be read (${e instanceof Error ? e.message : String(e)})`;
}

export function writeReason(e: unknown): string {
  const code = errorCode(e);
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'its folder does not exist';
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'the disk is full';
  return (code && COMMON[code]) ?? (e instanceof Error ? e.message : String(e));
}
