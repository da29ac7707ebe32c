/**
 * Browser mode: the renderer served with the host on 127.0.0.1, the contract over HTTP.
 *
 *   node dist/electron/web.mjs [--port N] [--dir SAVE_FOLDER] [--user-data FOLDER] [--renderer DIR] [--no-open]
 *
 * Importing this module starts nothing: tests call startWebHost() in-process.
 */
import { spawn } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pkg from '../package.json';
import { createHost, type ParseFn, type SerializeFn } from './host/index';
import { startHttpHost, type RunningHttpHost } from './host/http-server';
import { workbookCodec } from './host/workbook-codec';

export interface WebHostOptions {
  /** Recent files and recovery; default: the per-user config folder's `Fleetbook-web`. */
  userDataDir?: string;
  /** Where Save As and report exports write; default: `fleetbook-saves/` in the current folder. */
  saveDir?: string;
  /** The sample fleet opened on a first start; default: examples/sample-fleet.xlsx of the checkout. */
  samplePath?: string;
  /** The built renderer; default: dist/renderer. */
  rendererDir?: string;
  port?: number;
  token?: string;
  parse?: ParseFn;
  serialize?: SerializeFn;
  maxFileBytes?: number;
  maxBodyBytes?: number;
  log?: (message: string) => void;
}

export type RunningWebHost = RunningHttpHost;

function defaultUserDataDir(): string {
  const home = homedir();
  const base =
    process.platform === 'win32'
      ? (process.env.APPDATA ?? join(home, 'AppData', 'Roaming'))
      : process.platform === 'darwin'
        ? join(home, 'Library', 'Application Support')
        : (process.env.XDG_CONFIG_HOME ?? join(home, '.config'));
  return join(base, 'Fleetbook-web');
}

/** dist/renderer, seen from the bundle (dist/electron/web.mjs) or from the source (electron/web.ts). */
function defaultRendererDir(): string {
  // From the source, '../renderer/' is the unbuilt renderer folder: only the built one has assets/.
  const candidates = ['../dist/renderer/', '../renderer/'].map((rel) => fileURLToPath(new URL(rel, import.meta.url)));
  const found = candidates.find((dir) => existsSync(join(dir, 'index.html')) && existsSync(join(dir, 'assets')));
  if (!found) throw new Error('the renderer is not built (no dist/renderer/index.html): run `npm run build` first');
  return found;
}

/** examples/sample-fleet.xlsx, seen from the bundle (dist/electron/web.mjs) or from the source. */
function defaultSamplePath(): string | undefined {
  return ['../../examples/sample-fleet.xlsx', '../examples/sample-fleet.xlsx']
    .map((rel) => fileURLToPath(new URL(rel, import.meta.url)))
    .find((p) => existsSync(p));
}

export async function startWebHost(options: WebHostOptions = {}): Promise<RunningWebHost> {
  const host = createHost({
    mode: 'web',
    userDataDir: options.userDataDir ?? defaultUserDataDir(),
    saveDir: resolve(options.saveDir ?? 'fleetbook-saves'),
    parse: options.parse ?? workbookCodec.parse,
    serialize: options.serialize ?? workbookCodec.serialize,
    app: { name: pkg.productName, version: pkg.version },
    maxFileBytes: options.maxFileBytes,
    samplePath: options.samplePath ?? defaultSamplePath(),
    log: options.log,
  });
  return startHttpHost({
    host,
    rendererDir: options.rendererDir ?? defaultRendererDir(),
    port: options.port,
    token: options.token,
    maxBodyBytes: options.maxBodyBytes,
  });
}

// ---------------------------------------------------------------------------------------------
// Command line

const USAGE = 'usage: web [--port N] [--dir SAVE_FOLDER] [--user-data FOLDER] [--renderer DIR] [--no-open]';

interface CliArgs {
  port?: number;
  saveDir?: string;
  userDataDir?: string;
  rendererDir?: string;
  open: boolean;
}

function parseArgs(argv: string[]): CliArgs | string {
  const out: CliArgs = { open: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => argv[++i];
    if (a === '--no-open') out.open = false;
    else if (a === '--port') {
      const port = Number(value());
      if (!Number.isInteger(port) || port < 0 || port > 65535) return `--port takes a port number (0 to 65535)`;
      out.port = port;
    } else if (a === '--dir') {
      const v = value();
      if (!v) return '--dir takes a folder';
      out.saveDir = v;
    } else if (a === '--user-data') {
      const v = value();
      if (!v) return '--user-data takes a folder';
      out.userDataDir = v;
    } else if (a === '--renderer') {
      const v = value();
      if (!v) return '--renderer takes a folder';
      out.rendererDir = v;
    } else return `unknown option ${a}`;
  }
  return out;
}

function openInBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args, { detached: true, stdio: 'ignore' });
    child.on('error', () => undefined); // no opener on this machine: the printed URL is enough
    child.unref();
  } catch {
    // same
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    console.error(`fleetbook web: ${args}\n${USAGE}`);
    process.exit(2);
  }
  let running: RunningWebHost;
  try {
    running = await startWebHost({ port: args.port, saveDir: args.saveDir, userDataDir: args.userDataDir, rendererDir: args.rendererDir });
  } catch (e) {
    console.error(`fleetbook web: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
  console.log(`Fleetbook is running at ${running.url}`);
  console.log('Press Ctrl+C to stop it.');
  if (args.open) openInBrowser(running.url);
  const stop = () => void running.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function isEntryPoint(): boolean {
  try {
    return process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
  } catch {
    return false;
  }
}

if (isEntryPoint()) void main();
