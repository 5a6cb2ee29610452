import { existsSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.bed': 'text/plain; charset=utf-8',
  '.gz': 'application/octet-stream',
};

export interface StaticAsset {
  readonly file: string;
  readonly contentType: string;
  readonly size: number;
}

/**
 * Maps a URL path of the app's own origin to a file of the built renderer. Paths that escape the root
 * (.., encoded slashes, NUL) resolve to nothing; '/' is the app's index.html.
 */
export function resolveStaticAsset(rootDir: string, pathname: string): StaticAsset | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const root = normalize(rootDir + sep);
  const file = normalize(join(root, relative));
  if (!file.startsWith(root)) return undefined;
  if (!existsSync(file)) return undefined;
  const stat = statSync(file);
  if (!stat.isFile()) return undefined;
  return {
    file,
    contentType: MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
    size: stat.size,
  };
}
