// `npm run web [-- --port N --dir SAVE_FOLDER --no-open --no-build]`: build, then serve the app
// and the host on 127.0.0.1 (dist/electron/web.mjs prints the URL).
import { spawn, spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const args = process.argv.slice(2);
const skipBuild = args.includes('--no-build');

if (!skipBuild) {
  const built = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], shell: process.platform === 'win32' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

// The save folder and the user's relative paths are relative to where npm was run from.
const host = spawn(process.execPath, [join(root, 'dist', 'electron', 'web.mjs'), ...args.filter((a) => a !== '--no-build')], {
  cwd: process.env.INIT_CWD ?? process.cwd(),
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => host.kill(signal));
host.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
