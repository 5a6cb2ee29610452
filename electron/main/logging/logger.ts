import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { redact } from './redact';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(event: string, fields?: Record<string, unknown>): void;
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

export interface FileLoggerOptions {
  readonly dir: string;
  readonly fileName?: string;
  /** Rotate when the current file would exceed this many bytes. */
  readonly maxBytes?: number;
  /** How many rotated files to keep (main.1.log ... main.N.log). */
  readonly maxFiles?: number;
  readonly level?: LogLevel;
  readonly now?: () => Date;
}

/**
 * A JSON-lines logger to a size-rotated file in the app's log folder. Every line is redacted
 * (no tokens, codes or secrets). Synchronous appends keep lines whole if the process dies.
 */
export function createFileLogger(opts: FileLoggerOptions): Logger {
  const fileName = opts.fileName ?? 'main.log';
  const maxBytes = opts.maxBytes ?? 5 * 1024 * 1024;
  const maxFiles = opts.maxFiles ?? 5;
  const threshold = ORDER[opts.level ?? 'info'];
  const now = opts.now ?? (() => new Date());
  const path = join(opts.dir, fileName);
  mkdirSync(opts.dir, { recursive: true });

  const rotate = (): void => {
    const base = fileName.replace(/\.log$/, '');
    rmSync(join(opts.dir, `${base}.${maxFiles}.log`), { force: true });
    for (let i = maxFiles - 1; i >= 1; i -= 1) {
      try {
        renameSync(join(opts.dir, `${base}.${i}.log`), join(opts.dir, `${base}.${i + 1}.log`));
      } catch {
        // A missing older file is normal after a fresh start.
      }
    }
    renameSync(path, join(opts.dir, `${base}.1.log`));
  };

  const write = (level: LogLevel, event: string, fields: Record<string, unknown> = {}): void => {
    if (ORDER[level] < threshold) return;
    const line = `${JSON.stringify({ t: now().toISOString(), level, event, ...(redact(fields) as object) })}\n`;
    let size: number;
    try {
      size = statSync(path).size;
    } catch {
      size = 0;
    }
    if (size > 0 && size + Buffer.byteLength(line) > maxBytes) rotate();
    appendFileSync(path, line, { mode: 0o600 });
  };

  return {
    debug: (event, fields) => write('debug', event, fields),
    info: (event, fields) => write('info', event, fields),
    warn: (event, fields) => write('warn', event, fields),
    error: (event, fields) => write('error', event, fields),
  };
}

/** A logger that keeps lines in memory: for tests that assert what was logged. */
export function createMemoryLogger(): Logger & {
  lines: { level: LogLevel; event: string; fields: unknown }[];
} {
  const lines: { level: LogLevel; event: string; fields: unknown }[] = [];
  const push =
    (level: LogLevel) =>
    (event: string, fields: Record<string, unknown> = {}) => {
      lines.push({ level, event, fields: redact(fields) });
    };
  return {
    lines,
    debug: push('debug'),
    info: push('info'),
    warn: push('warn'),
    error: push('error'),
  };
}
