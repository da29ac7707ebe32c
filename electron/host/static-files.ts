/**
 * The renderer bundle as files under one folder, for the app:// protocol and the web host: a URL
 * path maps to a file inside that folder or to nothing (no `..`, no hidden files, no symlink that
 * leads out).
 */
import { realpath, readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve } from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.csv': 'text/csv; charset=utf-8',
};

export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The file a URL path (`/assets/app.js`, already without query) names under `root`, or null. */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').slice(1);
  // Refuse `..` and hidden names outright rather than normalising them away.
  if (segments.some((s) => s.startsWith('.'))) return null;
  const rel = segments.join('/') || 'index.html';
  const abs = resolve(root, rel);
  return inside(resolve(root), abs) ? abs : null;
}

export interface StaticFile {
  path: string;
  bytes: Uint8Array;
  contentType: string;
}

/** Read the file a URL path names, or null when there is none (or it is not allowed). */
export async function readStatic(root: string, urlPath: string): Promise<StaticFile | null> {
  const path = resolveStaticPath(root, urlPath);
  if (!path) return null;
  try {
    const real = await realpath(path);
    if (!inside(await realpath(root), real)) return null;
    if (!(await stat(real)).isFile()) return null;
    return { path, bytes: await readFile(real), contentType: contentTypeOf(path) };
  } catch {
    return null;
  }
}
