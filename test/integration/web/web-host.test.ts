import { spawn } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterEach, describe, expect, it } from 'vitest';
import { TOKEN_HEADER, type DesktopApi, type OpenedDocument } from '../../../shared/ipc/contract';
import { injectToken, isLoopbackAddress } from '../../../electron/host/http-server';
import { startWebHost, type RunningWebHost } from '../../../electron/web';
import { createHttpApi } from '../../../renderer/src/platform/http-client';
import { fleet, fleetFile, jsonSerializer, lot, parseJson, readFleet, tempDir, value } from '../host/helpers';

const INDEX = '<!doctype html><html><head><meta charset="utf-8"><title>Fleetbook</title></head><body><div id="root"></div></body></html>';
const running: RunningWebHost[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.close()));
});

/** A host serving a tiny renderer, with a secret file beside (not inside) the renderer folder. */
async function start(extra: Parameters<typeof startWebHost>[0] = {}) {
  const root = await tempDir('fleetbook-web-');
  const rendererDir = join(root, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), INDEX);
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log("app")');
  await writeFile(join(root, 'secret.txt'), 'TOP SECRET');
  const saveDir = join(root, 'saves');
  const host = await startWebHost({
    rendererDir,
    userDataDir: join(root, 'user-data'),
    saveDir,
    parse: parseJson,
    serialize: jsonSerializer(),
    log: () => undefined,
    ...extra,
  });
  running.push(host);
  return { ...host, root, saveDir, api: createHttpApi({ token: host.token, baseUrl: host.url.replace(/\/$/, '') }) };
}

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request exactly as given: no path normalisation, any Host header. */
function raw(port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: { Host: `127.0.0.1:${port}`, ...options.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const post = (port: number, channel: string, body: unknown, headers: Record<string, string> = {}) =>
  raw(port, `/api/${channel}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('the web host', () => {
  it('listens on 127.0.0.1 and serves the app with the token in the page and a strict CSP', async () => {
    const { url, port, token } = await start();
    expect(url).toBe(`http://127.0.0.1:${port}/`);
    const page = await raw(port, '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain(`<meta name="fleetbook-token" content="${token}">`);
    const csp = String(page.headers['content-security-policy']);
    for (const directive of ["default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "connect-src 'self'"]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toContain('unsafe-eval');
    expect(page.headers['cache-control']).toBe('no-store');
    const js = await raw(port, '/assets/app.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toMatch(/^text\/javascript/);
    expect(js.body).not.toContain(token);
    expect((await raw(port, '/favicon.ico')).status).toBe(204); // no console error for the browser's own request
    expect((await raw(port, '/missing.js')).status).toBe(404);
  });

  it('requires the per-run token on every API call', async () => {
    const { port } = await start();
    const none = await post(port, 'app:info', {});
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const wrong = await post(port, 'app:info', {}, { [TOKEN_HEADER]: 'guess' });
    expect(wrong.status).toBe(401);
  });

  it('refuses a Host header that is not its own address (DNS rebinding)', async () => {
    const { port, token } = await start();
    for (const host of ['evil.example:' + port, `127.0.0.1:${port + 1}`, 'evil.example']) {
      const page = await raw(port, '/', { headers: { Host: host } });
      expect(page.status).toBe(403);
      expect(page.body).not.toContain(token);
      expect((await post(port, 'app:info', {}, { Host: host, [TOKEN_HEADER]: token })).status).toBe(403);
    }
    expect((await raw(port, '/', { headers: { Host: `localhost:${port}` } })).status).toBe(200);
  });

  it('refuses calls from another origin, and bodies that are not JSON', async () => {
    const { port, token } = await start();
    expect((await post(port, 'app:info', {}, { [TOKEN_HEADER]: token, Origin: 'https://evil.example' })).status).toBe(403);
    const form = await raw(port, '/api/app:info', { method: 'POST', headers: { [TOKEN_HEADER]: token, 'Content-Type': 'text/plain' }, body: '{}' });
    expect(form.status).toBe(415);
    const broken = await raw(port, '/api/app:info', { method: 'POST', headers: { [TOKEN_HEADER]: token, 'Content-Type': 'application/json' }, body: '{nope' });
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body).error.code).toBe('invalid-request');
  });

  it('refuses paths that leave the renderer folder', async () => {
    const { port } = await start();
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/../../secret.txt', '/%2E%2E%2Fsecret.txt', '/..%5csecret.txt', '/.hidden', '/%00']) {
      const r = await raw(port, path);
      expect(r.status, path).toBe(404);
      expect(r.body).not.toContain('TOP SECRET');
    }
  });

  it('refuses a request body over the cap', async () => {
    const { port, token } = await start({ maxBodyBytes: 1024 });
    const r = await post(port, 'doc:open-bytes', { name: 'a.xlsx', bytesBase64: 'A'.repeat(4096) }, { [TOKEN_HEADER]: token });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body).error.code).toBe('too-large');
  });

  it('answers an invalid payload with an error Result that says what is wrong', async () => {
    const { api } = await start();
    const r = await (api.save as (req: unknown) => ReturnType<DesktopApi['save']>)({ docId: 'x', fleet: { lots: 'many' } });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid-request');
      expect(r.error.message).toMatch(/^Invalid request to doc:save: fleet\./);
    }
  });

  it('carries the contract end to end: open bytes, save as into its folder, save again', async () => {
    const { api, saveDir } = await start();
    expect(value(await api.appInfo())).toMatchObject({ mode: 'web', name: 'Fleetbook' });
    expect(await api.openDialog()).toMatchObject({ ok: false, error: { code: 'unsupported' } });

    const opened = value(await api.openBytes({ name: 'mine.xlsx', bytesBase64: Buffer.from(fleetFile(fleet([lot('A')]))).toString('base64') })) as OpenedDocument;
    expect(opened.fleet.lots[0].id).toBe('A');

    const savedAs = value(await api.saveAs({ docId: opened.docId, fleet: fleet([lot('A'), lot('B')]), suggestedName: 'mine.xlsx' }));
    expect(savedAs).toMatchObject({ name: 'mine.xlsx', backupName: null });
    expect(readFleet(await readFile(join(saveDir, 'mine.xlsx'), 'utf8')).lots).toHaveLength(2);

    const again = value(await api.save({ docId: opened.docId, fleet: fleet([lot('C')]) }));
    expect(again).toMatchObject({ needsSaveAs: false, backupName: 'mine.xlsx.bak' });
    expect(readFleet(await readFile(join(saveDir, 'mine.xlsx'), 'utf8')).lots[0].id).toBe('C');
    expect((value(await api.recentList())).map((r) => r.name)).toEqual(['mine.xlsx']);
  });

  it('reports a stopped host as an error Result, not an exception', async () => {
    const { api, close } = await start();
    running.pop();
    await close();
    const r = await api.appInfo();
    expect(r).toMatchObject({ ok: false, error: { code: 'io' } });
  });
});

describe('pieces of the web host', () => {
  it('knows loopback addresses', () => {
    for (const a of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1']) expect(isLoopbackAddress(a), a).toBe(true);
    for (const a of ['10.0.0.2', '192.168.1.5', '::ffff:10.0.0.1', 'fe80::1', '', undefined, '127.0.0.1.evil']) expect(isLoopbackAddress(a), String(a)).toBe(false);
  });

  it('puts the token meta at the top of <head>', () => {
    expect(injectToken('<html><head lang="x"><title>t</title></head></html>', 'T')).toBe('<html><head lang="x">\n    <meta name="fleetbook-token" content="T"><title>t</title></head></html>');
  });
});

describe('the web command', () => {
  it('prints the URL it serves on, and serves it', async () => {
    const root = await tempDir('fleetbook-cli-');
    const rendererDir = join(root, 'renderer');
    await mkdir(rendererDir);
    await writeFile(join(rendererDir, 'index.html'), INDEX);
    // Bundle the entry as the build does; packages resolve from the repository's node_modules.
    const outfile = resolve('test-output', `web-cli-${process.pid}-${Date.now()}.mjs`);
    await build({ entryPoints: ['electron/web.ts'], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile, logLevel: 'error' });
    const child = spawn(process.execPath, [outfile, '--port', '0', '--no-open', '--renderer', rendererDir, '--dir', join(root, 'saves'), '--user-data', join(root, 'ud')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          const nl = out.indexOf('\n');
          if (nl >= 0) resolve(out.slice(0, nl));
        });
        child.on('exit', (code) => reject(new Error(`exited with ${code}`)));
      });
      const m = /^Fleetbook is running at (http:\/\/127\.0\.0\.1:(\d+)\/)$/.exec(line);
      expect(m, line).not.toBeNull();
      const page = await raw(Number(m![2]), '/');
      expect(page.status).toBe(200);
      expect(page.body).toContain('fleetbook-token');
    } finally {
      child.kill('SIGTERM');
      await rmQuiet(outfile);
    }
  });

  it('exits 2 with a usage line on a wrong option', async () => {
    const outfile = resolve('test-output', `web-cli-usage-${process.pid}-${Date.now()}.mjs`);
    await build({ entryPoints: ['electron/web.ts'], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile, logLevel: 'error' });
    try {
      const child = spawn(process.execPath, [outfile, '--bogus'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      child.stderr.on('data', (c: Buffer) => (err += c.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code).toBe(2);
      expect(err).toMatch(/unknown option --bogus/);
    } finally {
      await rmQuiet(outfile);
    }
  });
});

async function rmQuiet(path: string): Promise<void> {
  await rm(path, { force: true });
  await rm(`${path}.map`, { force: true });
}
