/**
 * The report export as a host job (report:start / report:status / report:cancel), under Node, in
 * browser mode (the report lands in the host's folder and is downloaded once over HTTP) and in
 * Electron mode (the save dialog chooses where it goes).
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Fleet } from '../../../shared/domain/fleet';
import type { HostResult, ReportJobStatus, ReportStarted } from '../../../shared/ipc/contract';
import { createHost, type Host } from '../../../electron/host/index';
import { attachmentDisposition } from '../../../electron/host/http-server';
import { ReportInputError } from '../../../electron/host/report/export-report';
import { EXPORT_WORKER_FILE, workerRunner } from '../../../electron/host/report/export-runner';
import { reportFileName } from '../../../electron/host/report/jobs';
import { build } from 'esbuild';
import { startWebHost, type RunningWebHost } from '../../../electron/web';
import { createHttpApi } from '../../../renderer/src/platform/http-client';
import { failure, fleet, fleetFile, jsonSerializer, lot, parseJson, tempDir, value, webHost } from './helpers';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const running: RunningWebHost[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.close()));
});

function sampleFleet(): Fleet {
  return fleet([lot('L1', { quantity: 1, unitCost: 1_200_000, lifeMonths: 12, inService: '2025-01-15' }), lot('L2', { assetClass: 'GPU', model: 'H100' })], {
    scenarios: [{ scenario: 'Short lives', key: 'Book Life (months)', value: 6 }],
  });
}

function bigFleet(lots: number): Fleet {
  return fleet(Array.from({ length: lots }, (_, i) => lot(`L${i + 1}`, { lifeMonths: 72 })));
}

async function open(host: Host, f: Fleet, name = 'acme.xlsx') {
  const text = fleetFile(f, { warnings: [{ sheet: 'Fleet', cell: 'E3', message: 'Unit Cost looks like cents', severity: 'warning' }] });
  const doc = value(await host.invoke('doc:open-bytes', { name, bytesBase64: Buffer.from(text).toString('base64') }));
  return { docId: (doc as { docId: string }).docId, bytes: Buffer.from(text) };
}

async function start(host: Host, payload: Record<string, unknown>): Promise<HostResult<ReportStarted | null>> {
  return (await host.invoke('report:start', payload)) as HostResult<ReportStarted | null>;
}

/** Poll report:status until the job has ended, keeping every fraction seen. */
async function settle(host: Host, jobId: string, fractions: number[] = []): Promise<ReportJobStatus> {
  for (let i = 0; i < 2000; i++) {
    const s = value(await host.invoke('report:status', { jobId })) as ReportJobStatus;
    fractions.push(s.fraction);
    if (s.state !== 'running') return s;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('the export did not finish');
}

async function workbook(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/** The Audit sheet as `item -> value` (the last of each item). */
function audit(wb: ExcelJS.Workbook): Map<string, unknown> {
  const out = new Map<string, unknown>();
  wb.getWorksheet('Audit')!.eachRow((row, r) => {
    if (r > 1) out.set(`${String(row.getCell(1).value)}|${String(row.getCell(2).value)}`, row.getCell(3).value);
  });
  return out;
}

describe('report jobs in browser mode', () => {
  it('exports the chosen sheets into the host folder, with progress, the input hash and a one-time download', async () => {
    const dir = await tempDir();
    const saveDir = join(dir, 'saves');
    const host = webHost(join(dir, 'user'), saveDir);
    const { docId, bytes } = await open(host, sampleFleet());
    const started = value(await start(host, { docId, fleet: sampleFleet(), unsaved: false, sheets: ['summary', 'book', 'rollforward'], scenario: null }));
    expect(started?.fileName).toBe('acme report.xlsx');
    const fractions: number[] = [];
    const status = await settle(host, started!.jobId, fractions);
    expect(status.state).toBe('done');
    expect(status.fraction).toBe(1);
    expect(fractions.every((f, i) => i === 0 || f >= fractions[i - 1])).toBe(true);
    const result = status.result!;
    expect(result).toMatchObject({ fileName: 'acme report.xlsx', sheets: ['Summary', 'Book Schedule', 'Rollforward', 'Audit'] });
    expect(result.downloadUrl).toMatch(/^\/download\/[A-Za-z0-9_-]{32}$/);

    const path = join(saveDir, 'acme report.xlsx');
    expect(result.bytes).toBe((await readFile(path)).length);
    const wb = await workbook(path);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Book Schedule', 'Rollforward', 'Audit']);
    const a = audit(wb);
    expect(a.get('Report|Input File')).toBe('acme.xlsx');
    expect(a.get('Report|Input SHA-256')).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(a.get('Warning|Fleet!E3')).toBe('Unit Cost looks like cents');
    expect(String(a.get('Note|Input'))).toContain('as Fleetbook last read or saved it');
    // L1: 12,000.00 over 12 months, full-month from January 2025.
    const book = wb.getWorksheet('Book Schedule')!;
    expect(book.getRow(2).getCell(4).result ?? book.getRow(2).getCell(4).value).toBe(1000);

    // The download token works once.
    const token = result.downloadUrl!.slice('/download/'.length);
    expect(host.takeDownload(token)).toEqual({ path, fileName: 'acme report.xlsx' });
    expect(host.takeDownload(token)).toBeNull();
    await host.closeAll();
  });

  it('a second export goes beside the first; a document with unsaved changes is hashed as it would be saved', async () => {
    const dir = await tempDir();
    const saveDir = join(dir, 'saves');
    const serialize = jsonSerializer();
    const host = webHost(join(dir, 'user'), saveDir, { serialize });
    const { docId } = await open(host, sampleFleet());
    const edited = sampleFleet();
    edited.lots[0].quantity = 2;
    const first = value(await start(host, { docId, fleet: edited, unsaved: true, sheets: ['summary'], scenario: 'Short lives' }));
    expect((await settle(host, first!.jobId)).state).toBe('done');
    const second = value(await start(host, { docId, fleet: edited, unsaved: true, sheets: ['lots'], scenario: null }));
    expect(second!.fileName).toBe('acme report (2).xlsx');
    expect((await settle(host, second!.jobId)).state).toBe('done');
    expect((await readdir(saveDir)).sort()).toEqual(['acme report (2).xlsx', 'acme report.xlsx']);

    const wb = await workbook(join(saveDir, 'acme report.xlsx'));
    const a = audit(wb);
    const serialised = await serialize(edited, 'xlsx');
    expect(a.get('Report|Input SHA-256')).toBe(createHash('sha256').update(serialised).digest('hex'));
    expect(String(a.get('Note|Input'))).toContain('had unsaved changes');
    expect(a.get('Report|Scenario')).toBe('Short lives');
  });

  it('cancel stops the export and leaves no file behind', async () => {
    const dir = await tempDir();
    const saveDir = join(dir, 'saves');
    const host = webHost(join(dir, 'user'), saveDir);
    const big = bigFleet(3000);
    const { docId } = await open(host, big);
    const started = value(await start(host, { docId, fleet: big, unsaved: false, sheets: ['book', 'economic'], scenario: null }));
    // Once it is writing, cancel.
    for (let i = 0; i < 500; i++) {
      const s = value(await host.invoke('report:status', { jobId: started!.jobId })) as ReportJobStatus;
      if (s.fraction > 0 || s.state !== 'running') break;
      await new Promise((r) => setTimeout(r, 10));
    }
    const asked = value(await host.invoke('report:cancel', { jobId: started!.jobId })) as ReportJobStatus;
    expect(asked.state).toBe('running');
    const status = await settle(host, started!.jobId);
    expect(status.state).toBe('cancelled');
    expect(status.result).toBeUndefined();
    expect(await readdir(saveDir)).toEqual([]);
    // The host is free again.
    const again = value(await start(host, { docId, fleet: fleet(), unsaved: true, sheets: ['summary'], scenario: null }));
    expect((await settle(host, again!.jobId)).state).toBe('done');
  });

  it('refuses bad payloads, a second export at once, unknown jobs and unknown scenarios', async () => {
    const dir = await tempDir();
    const host = webHost(join(dir, 'user'), join(dir, 'saves'));
    const { docId } = await open(host, sampleFleet());
    const good = { docId, fleet: sampleFleet(), unsaved: false, sheets: ['summary'], scenario: null };
    for (const bad of [
      { ...good, sheets: ['summary', 'pivot'] },
      { ...good, sheets: [] },
      { ...good, unsaved: undefined },
      { ...good, scenario: '' },
      { ...good, path: '/etc/passwd' },
      { ...good, docId: '../x' },
    ]) {
      const e = failure(await start(host, bad));
      expect(e.code, JSON.stringify(bad).slice(0, 80)).toBe('invalid-request');
      expect(e.message).toMatch(/^Invalid request to report:start: /);
    }
    expect(failure(await host.invoke('report:status', { jobId: 'nope' })).code).toBe('not-found');
    expect(failure(await host.invoke('report:cancel', {})).code).toBe('invalid-request');
    expect(failure(await start(host, { ...good, docId: 'not-open' })).code).toBe('not-found');

    const big = bigFleet(1500);
    const first = value(await start(host, { ...good, fleet: big }));
    const busy = failure(await start(host, good));
    expect(busy.code).toBe('busy');
    expect(busy.message).toMatch(/already being exported/);
    value(await host.invoke('report:cancel', { jobId: first!.jobId }));
    expect((await settle(host, first!.jobId)).state).toBe('cancelled');

    const wrong = value(await start(host, { ...good, scenario: 'No such scenario' }));
    const failed = await settle(host, wrong!.jobId);
    expect(failed.state).toBe('failed');
    expect(failed.error?.code).toBe('invalid-request');
    expect(failed.error?.message).toMatch(/^The report cannot be made as asked: .*No such scenario/);
    expect(failed.error?.problems?.length).toBeGreaterThan(0);
  });
});

describe('report jobs in Electron mode', () => {
  function electronHost(dir: string, chooseReportPath: (name: string, near: string | null) => Promise<string | null>) {
    return createHost({
      mode: 'electron',
      userDataDir: join(dir, 'user'),
      parse: parseJson,
      serialize: jsonSerializer(),
      app: { name: 'Fleetbook', version: '0.0.0-test' },
      log: () => undefined,
      dialogs: { chooseOpenPath: async () => join(dir, 'acme.xlsx'), chooseSavePath: async () => null, chooseReportPath },
    });
  }

  it('asks where to save, with the document name, and writes there (no download URL)', async () => {
    const dir = await tempDir();
    const asked: [string, string | null][] = [];
    const target = join(dir, 'out', 'my report.xlsx');
    const host = electronHost(dir, async (name, near) => {
      asked.push([name, near]);
      return target;
    });
    await import('node:fs/promises').then((fs) => fs.mkdir(join(dir, 'out')));
    const { docId } = await open(host, sampleFleet(), 'Acme Fleet.csv');
    const started = value(await start(host, { docId, fleet: sampleFleet(), unsaved: false, sheets: ['summary', 'lots'], scenario: null }));
    expect(asked).toEqual([['Acme Fleet report.xlsx', null]]);
    expect(started!.fileName).toBe('my report.xlsx');
    const status = await settle(host, started!.jobId);
    expect(status.state).toBe('done');
    expect(status.result?.downloadUrl).toBeUndefined();
    expect((await workbook(target)).worksheets.map((w) => w.name)).toEqual(['Summary', 'Lots', 'Audit']);
  });

  it('a cancelled dialog starts nothing; the workbook itself or a non-xlsx name is refused', async () => {
    const dir = await tempDir();
    let answer: string | null = null;
    const host = electronHost(dir, async () => answer);
    await import('node:fs/promises').then((fs) => fs.writeFile(join(dir, 'acme.xlsx'), fleetFile(sampleFleet())));
    const doc = value(await host.invoke('doc:open-dialog', {})) as { docId: string };
    const payload = { docId: doc.docId, fleet: sampleFleet(), unsaved: false, sheets: ['summary'], scenario: null };
    expect(value(await start(host, payload))).toBeNull();
    answer = join(dir, 'acme.xlsx');
    expect(failure(await start(host, payload)).message).toMatch(/is the fleet workbook itself/);
    answer = join(dir, 'report.csv');
    expect(failure(await start(host, payload)).message).toMatch(/ending in \.xlsx/);
    // Nothing was left busy.
    answer = join(dir, 'report.xlsx');
    const started = value(await start(host, payload));
    expect((await settle(host, started!.jobId)).state).toBe('done');
  });
});

describe('report download over HTTP', () => {
  function get(port: number, path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path, headers: { Host: `127.0.0.1:${port}`, ...headers } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      req.end();
    });
  }

  it('serves the finished report once, as an xlsx attachment', async () => {
    const dir = await tempDir();
    const saveDir = join(dir, 'saves');
    const renderer = join(dir, 'renderer');
    await import('node:fs/promises').then(async (fs) => {
      await fs.mkdir(join(renderer, 'assets'), { recursive: true });
      await fs.writeFile(join(renderer, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
    });
    const web = await startWebHost({ rendererDir: renderer, userDataDir: join(dir, 'user'), saveDir, parse: parseJson, serialize: jsonSerializer(), log: () => undefined });
    running.push(web);
    const api = createHttpApi({ token: web.token, baseUrl: web.url.replace(/\/$/, '') });
    const opened = await api.openBytes({ name: 'ünïcode fleet.xlsx', bytesBase64: Buffer.from(fleetFile(sampleFleet())).toString('base64') });
    const docId = value(opened).docId;
    const started = value(await api.startReport({ docId, fleet: sampleFleet(), unsaved: false, sheets: ['summary'], scenario: null }));
    let status: ReportJobStatus;
    do {
      await new Promise((r) => setTimeout(r, 20));
      status = value(await api.reportStatus({ jobId: started!.jobId }));
    } while (status.state === 'running');
    expect(status.state).toBe('done');
    const url = status.result!.downloadUrl!;

    expect((await get(web.port, url, { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    const res = await get(web.port, url, { 'Sec-Fetch-Site': 'same-origin' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_MIME);
    expect(res.headers['content-disposition']).toBe(attachmentDisposition('ünïcode fleet report.xlsx'));
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''%C3%BCn%C3%AFcode%20fleet%20report.xlsx");
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body.equals(await readFile(join(saveDir, 'ünïcode fleet report.xlsx')))).toBe(true);
    expect((await get(web.port, url)).status).toBe(404);
    expect((await get(web.port, '/download/short')).status).toBe(404);
  });

  it('names reports after the document', () => {
    expect(reportFileName('fleet.xlsx')).toBe('fleet report.xlsx');
    expect(reportFileName('Fleet.CSV')).toBe('Fleet report.xlsx');
    expect(reportFileName('a:b.xlsx')).toBe('a_b report.xlsx');
    expect(reportFileName('.xlsx')).toBe('Fleet report.xlsx');
  });
});

describe('the export worker thread (as the built app runs it)', () => {
  async function bundledWorker(): Promise<string> {
    const dir = await tempDir('fleetbook-worker-');
    const outfile = join(dir, EXPORT_WORKER_FILE);
    await build({
      entryPoints: ['electron/host/report/export.worker.ts'],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile,
      logLevel: 'error',
      banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    });
    return outfile;
  }

  const input = (f: Fleet, scenario: string | null = null) => ({
    fleet: f,
    sourceName: 'acme.xlsx',
    sourceBytes: new TextEncoder().encode('acme'),
    warnings: [],
    appVersion: '0.0.0-test',
    now: new Date('2026-01-01T00:00:00Z'),
    scenario,
    sheets: ['summary', 'book', 'stress'] as const,
  });

  it('writes the report with progress, stops on cancel leaving nothing, and passes input problems back', async () => {
    const runner = workerRunner(await bundledWorker());
    const dir = await tempDir();
    const fractions: number[] = [];
    const done = await runner({ ...input(sampleFleet()), sheets: ['summary', 'book'] }, join(dir, 'r.xlsx'), { onProgress: (f) => fractions.push(f) });
    expect(done.sheets).toEqual(['Summary', 'Book Schedule', 'Audit']);
    expect(fractions.at(-1)).toBe(1);
    expect((await workbook(join(dir, 'r.xlsx'))).worksheets.map((w) => w.name)).toEqual(done.sheets);

    const controller = new AbortController();
    const cancelled = runner(input(bigFleet(2000)), join(dir, 'big.xlsx'), {
      signal: controller.signal,
      onProgress: (f) => {
        if (f > 0) controller.abort();
      },
    });
    await expect(cancelled).rejects.toBeDefined();
    expect(controller.signal.aborted).toBe(true);
    expect((await readdir(dir)).sort()).toEqual(['r.xlsx']);

    // Cancelled while the engines compute (the worker reads no message then): terminated, nothing left.
    const early = new AbortController();
    const stopped = runner(input(bigFleet(2000)), join(dir, 'early.xlsx'), { signal: early.signal });
    setTimeout(() => early.abort(), 50);
    await expect(stopped).rejects.toBeDefined();
    expect((await readdir(dir)).sort()).toEqual(['r.xlsx']);

    await expect(runner(input(sampleFleet(), 'Nope'), join(dir, 'x.xlsx'), {})).rejects.toBeInstanceOf(ReportInputError);
    expect((await readdir(dir)).sort()).toEqual(['r.xlsx']);
  });
});
