// `npm start`: build, then launch Electron. Electron (>= 42) downloads its binary lazily from
// outside the npm registry on first use; where that cannot happen, say so in one line and point at
// the browser mode, without touching `require('electron')` (which would try the download).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const win = process.platform === 'win32';

function electronInstalled() {
  const pkg = join(root, 'node_modules', 'electron');
  if (!existsSync(join(pkg, 'package.json'))) return false;
  const pathTxt = join(pkg, 'path.txt');
  if (!existsSync(pathTxt)) return false;
  const exe = readFileSync(pathTxt, 'utf8').trim();
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkg, 'dist');
  return exe !== '' && existsSync(join(dist, exe));
}

// On a machine that reaches Electron's download host, the first require fetches the binary.
if (!electronInstalled()) {
  spawnSync(process.execPath, ['-e', "require('electron')"], { cwd: root, stdio: 'ignore', timeout: 300_000 });
}
if (!electronInstalled()) {
  console.error(
    'fleetbook: the Electron binary is not installed on this machine (it downloads from outside the npm registry); run `npm run web` for the browser mode',
  );
  process.exit(1);
}

const built = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: win });
if (built.status !== 0) process.exit(built.status ?? 1);

const electron = spawn(join(root, 'node_modules', '.bin', win ? 'electron.cmd' : 'electron'), ['.', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  shell: win,
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => electron.kill(signal));
electron.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
