/**
 * The contract over HTTP on 127.0.0.1, for browser mode: serves the renderer bundle and answers
 * `POST /api/<channel>` with the same host handlers Electron's IPC uses.
 *
 * Who may call: connections from this computer only, with a Host header naming our own address
 * (a web page elsewhere cannot rebind a DNS name to 127.0.0.1 and call us), and a per-run token,
 * which only the index.html we serve carries; another site's page can neither read it nor send
 * the custom header without a CORS preflight we never grant.
 *
 * `GET /download/<token>` hands over a finished report once (a link the page clicks cannot send the
 * token header): the token is random, made for that one file, and forgotten when used.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MAX_FILE_BYTES, TOKEN_HEADER, TOKEN_META, type HostError, type HostResult } from '../../shared/ipc/contract';
import { SECURITY_HEADERS } from './csp';
import type { Host } from './index';
import { DOWNLOAD_PREFIX, XLSX_MIME } from './report/jobs';
import { readStatic } from './static-files';

export interface HttpHostOptions {
  host: Host;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** 0 (default): any free port. */
  port?: number;
  /** Default: 32 random bytes. */
  token?: string;
  /** Largest request body; default fits the largest file the contract accepts, in base64. */
  maxBodyBytes?: number;
}

export interface RunningHttpHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const DEFAULT_MAX_BODY = Math.ceil(MAX_FILE_BYTES / 3) * 4 + 1024 * 1024;

/** Addresses of this computer, as Node reports a socket's remote end. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4) || address === '::1';
}

export function injectToken(html: string, token: string): string {
  const meta = `<meta name="${TOKEN_META}" content="${token}">`;
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (m) => `${m}\n    ${meta}`) : `${meta}\n${html}`;
}

function sameToken(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function send(res: ServerResponse, status: number, body: Uint8Array | string, contentType: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': contentType, 'Cache-Control': 'no-store', ...extra });
  res.end(body);
}

function sendResult(res: ServerResponse, status: number, result: HostResult<unknown>, extra?: Record<string, string>): void {
  send(res, status, JSON.stringify(result), 'application/json; charset=utf-8', extra);
}

function sendError(res: ServerResponse, status: number, code: HostError['code'], message: string, extra?: Record<string, string>): void {
  sendResult(res, status, { ok: false, error: { code, message } }, extra);
}

/** `attachment` with the name as plain ASCII and, for any other characters, RFC 5987's filename*. */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** The body, or 'too-large' as soon as it passes `max` bytes. */
function readBody(req: IncomingMessage, max: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > max) return resolve('too-large');
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > max) {
        done = true;
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!done) resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

export async function startHttpHost(options: HttpHostOptions): Promise<RunningHttpHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  async function api(req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> {
    if (req.method !== 'POST') return sendError(res, 405, 'invalid-request', 'Use POST for Fleetbook requests.', { Allow: 'POST' });
    if (!sameToken(req.headers[TOKEN_HEADER], token)) {
      return sendError(res, 401, 'forbidden', 'This page is not connected to the running Fleetbook; open the address Fleetbook printed.');
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins().has(origin)) return sendError(res, 403, 'forbidden', 'Requests from other sites are refused.');
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      return sendError(res, 415, 'invalid-request', 'Fleetbook requests are JSON (Content-Type: application/json).');
    }
    const body = await readBody(req, maxBody);
    if (body === 'too-large') {
      // Stop reading a body we will not use; the client sees the answer, then the connection ends.
      res.once('finish', () => req.destroy());
      return sendError(res, 413, 'too-large', `The request is larger than Fleetbook accepts (${Math.round(maxBody / (1024 * 1024))} MB).`, { Connection: 'close' });
    }
    let payload: unknown;
    try {
      payload = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      return sendError(res, 400, 'invalid-request', 'The request body is not valid JSON.');
    }
    sendResult(res, 200, await options.host.invoke(channel, payload));
  }

  async function download(req: IncomingMessage, res: ServerResponse, token: string): Promise<void> {
    if (req.method !== 'GET') return send(res, 405, 'Method not allowed', 'text/plain; charset=utf-8', { Allow: 'GET' });
    // Only our own page starts downloads (browsers say where a request comes from).
    if (req.headers['sec-fetch-site'] === 'cross-site') return send(res, 403, 'Downloads start from the Fleetbook page only.', 'text/plain; charset=utf-8');
    const file = /^[A-Za-z0-9_-]{16,100}$/.test(token) ? options.host.takeDownload(token) : null;
    if (!file) return send(res, 404, 'This download link has been used or has expired: export the report again.', 'text/plain; charset=utf-8');
    let size: number;
    try {
      size = (await stat(file.path)).size;
    } catch {
      return send(res, 404, `${file.fileName} is no longer there: export the report again.`, 'text/plain; charset=utf-8');
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': XLSX_MIME,
      'Content-Length': String(size),
      'Content-Disposition': attachmentDisposition(file.fileName),
      'Cache-Control': 'no-store',
    });
    const stream = createReadStream(file.path);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  }

  async function files(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', 'text/plain; charset=utf-8', { Allow: 'GET, HEAD' });
    const file = await readStatic(options.rendererDir, pathname);
    if (!file) {
      // Browsers ask for a favicon on their own; a 404 would show up as a console error.
      if (pathname === '/favicon.ico') return send(res, 204, '', 'image/x-icon');
      return send(res, 404, 'Not found', 'text/plain; charset=utf-8');
    }
    const isIndex = file.contentType.startsWith('text/html');
    // The page, and only the page we serve, learns the token.
    const body = isIndex ? injectToken(Buffer.from(file.bytes).toString('utf8'), token) : file.bytes;
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': file.contentType, 'Cache-Control': isIndex ? 'no-store' : 'no-cache' });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  const server = createServer((req, res) => {
    void (async () => {
      if (!isLoopbackAddress(req.socket.remoteAddress)) return sendError(res, 403, 'forbidden', 'Fleetbook accepts connections from this computer only.');
      if (!allowedHosts().has((req.headers.host ?? '').toLowerCase())) {
        return sendError(res, 403, 'forbidden', `Open Fleetbook at http://127.0.0.1:${port}/ (the address it printed).`);
      }
      const pathname = (req.url ?? '/').split(/[?#]/, 1)[0];
      if (pathname.startsWith('/api/')) {
        let channel: string;
        try {
          channel = decodeURIComponent(pathname.slice('/api/'.length));
        } catch {
          return sendError(res, 400, 'invalid-request', 'Malformed request path.');
        }
        return api(req, res, channel);
      }
      if (pathname.startsWith(DOWNLOAD_PREFIX)) return download(req, res, pathname.slice(DOWNLOAD_PREFIX.length));
      return files(req, res, pathname);
    })().catch((e: unknown) => {
      if (!res.headersSent) sendError(res, 500, 'internal', `Fleetbook hit an unexpected error: ${e instanceof Error ? e.message : String(e)}`);
      else res.destroy();
    });
  });
  server.requestTimeout = 5 * 60_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
