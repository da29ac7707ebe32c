/** Node I/O errors as sentences a user can act on. */

export class UserFacingError extends Error {
  constructor(message: string, readonly code: 'io' | 'too-large' | 'not-found' = 'io') {
    super(message);
    this.name = 'UserFacingError';
  }
}

function codeOf(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : undefined;
}

/** `action` completes "Could not ..." (e.g. `save fleet.xlsx`); `where` names the folder or file. */
export function ioMessage(e: unknown, action: string, where: string): string {
  switch (codeOf(e)) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `Could not ${action}: the disk is full. The file on disk was not changed.`;
    case 'EACCES':
    case 'EPERM':
      return `Could not ${action}: permission denied in ${where}. The file on disk was not changed.`;
    case 'EROFS':
      return `Could not ${action}: ${where} is on a read-only disk. The file on disk was not changed.`;
    case 'EBUSY':
      return `Could not ${action}: the file is in use by another program. Close it there and try again.`;
    case 'ENOENT':
      return `Could not ${action}: ${where} does not exist.`;
    case 'ENOTDIR':
      return `Could not ${action}: part of ${where} is not a folder.`;
    case 'EISDIR':
      return `Could not ${action}: ${where} is a folder.`;
    default:
      return `Could not ${action}: ${e instanceof Error ? e.message : String(e)}`;
  }
}

export function isNotFound(e: unknown): boolean {
  const c = codeOf(e);
  return c === 'ENOENT' || c === 'ENOTDIR';
}
