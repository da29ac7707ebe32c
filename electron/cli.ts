/**
 * The `fleetbook` command line (DESIGN.md section 9), bundled to dist/electron/cli.mjs.
 * bin/fleetbook.mjs imports it and calls main(); run directly, it runs itself.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runCli } from './cli/main';

export { runCli } from './cli/main';

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  // `fleetbook schedule x.csv | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') process.stderr.write(`fleetbook: cannot write the output (${e.message})\n`);
    process.exit(e.code === 'EPIPE' ? (process.exitCode ?? 0) : 1);
  });
  process.exitCode = await runCli(argv, { stdout: process.stdout, stderr: process.stderr, env: process.env });
}

function isEntryPoint(): boolean {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) await main();
