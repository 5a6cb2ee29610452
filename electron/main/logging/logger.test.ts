import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileLogger } from './logger';

describe('file logger', () => {
  it('writes redacted JSON lines', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd-log-'));
    const logger = createFileLogger({ dir });
    logger.info('auth.signed_in', { refresh_token: 'secret-refresh', url: 'http://x/cb?code=abc' });
    const line = JSON.parse(readFileSync(join(dir, 'main.log'), 'utf8').trim()) as Record<
      string,
      unknown
    >;
    expect(line).toMatchObject({
      level: 'info',
      event: 'auth.signed_in',
      refresh_token: '[redacted]',
    });
    expect(JSON.stringify(line)).not.toContain('abc');
  });

  it('rotates by size and keeps a bounded number of files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd-log-'));
    const logger = createFileLogger({ dir, maxBytes: 400, maxFiles: 3 });
    for (let i = 0; i < 100; i += 1) logger.info('tick', { i, pad: 'x'.repeat(50) });
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['main.1.log', 'main.2.log', 'main.3.log', 'main.log']);
    for (const file of files) expect(readFileSync(join(dir, file)).length).toBeLessThanOrEqual(400);
    expect(readFileSync(join(dir, 'main.log'), 'utf8')).toContain('"i":99');
  });

  it('drops lines below the level', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd-log-'));
    createFileLogger({ dir, level: 'warn' }).info('quiet');
    expect(readdirSync(dir)).toEqual([]);
  });
});
