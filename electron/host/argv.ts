/**
 * Files handed to the app on its command line (Windows and Linux file associations, a second
 * launch). macOS uses the open-file event instead.
 */
import { isAbsolute, resolve } from 'node:path';
import { formatOf } from './paths';

/**
 * The .xlsx/.csv paths in an Electron command line, absolute. `argv` is the process's full argv;
 * a packaged app's argv[0] is the app itself, a development run's argv[1] is the app folder.
 * Flags (`--foo`, Chromium's switches) are skipped.
 */
export function filesFromArgv(argv: readonly string[], packaged: boolean, cwd: string): string[] {
  return argv
    .slice(packaged ? 1 : 2)
    .filter((a) => !a.startsWith('-') && formatOf(a) !== null)
    .map((a) => (isAbsolute(a) ? a : resolve(cwd, a)));
}
