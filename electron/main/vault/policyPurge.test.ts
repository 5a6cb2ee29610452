import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAuditLog } from '../audit/auditLog';
import { createMemoryLogger } from '../logging/logger';
import { defaultCacheRoot, resolveCacheLocation } from './cacheLocation';
import { purgeOnPolicyRequest, purgeStateFile } from './policyPurge';

const scope = 'a'.repeat(32);

function plantCache(root: string): void {
  for (const id of ['FI-RD-01', 'SE-CA-01']) {
    const dir = join(root, scope, id);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'key.wrapped'), 'k');
    writeFileSync(join(dir, 'binding.json'), '{}');
    writeFileSync(join(dir, 'data.duckdb.sealed'), 'patient rows');
  }
  mkdirSync(join(root, scope, '.staging', 'job-1'), { recursive: true });
  writeFileSync(join(root, scope, '.staging', 'job-1', 'page-1'), 'patient rows');
  writeFileSync(join(root, 'master.key.sealed'), 'mk');
}

describe('issue 21: IT purges the local cache remotely through the policy', () => {
  it('a new cachePurgeRequest deletes every cached dataset and staged pull once, with an audit entry each', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cd-purge-'));
    const root = join(dataDir, 'vault');
    plantCache(root);
    const audit = openAuditLog({ dir: join(dataDir, 'audit') });
    const run = (request: string | undefined) =>
      purgeOnPolicyRequest({
        request,
        vaultRoot: root,
        dataDir,
        audit,
        logger: createMemoryLogger(),
      });

    expect(run(undefined)).toBeUndefined();
    expect(existsSync(join(root, scope, 'FI-RD-01'))).toBe(true);

    expect(run('INC-42')).toBe(2);
    expect(existsSync(join(root, scope, 'FI-RD-01'))).toBe(false);
    expect(existsSync(join(root, scope, 'SE-CA-01'))).toBe(false);
    expect(existsSync(join(root, scope, '.staging'))).toBe(false);
    // The master key stays: the audit chain is keyed from it.
    expect(existsSync(join(root, 'master.key.sealed'))).toBe(true);
    const log = readFileSync(audit.file, 'utf8');
    expect(log.match(/"type":"vault\.purge"/g)).toHaveLength(2);
    expect(log).toMatch(/"reason":"policy"/);
    expect(log).toMatch(/INC-42/);
    expect(JSON.parse(readFileSync(purgeStateFile(dataDir), 'utf8'))).toMatchObject({
      request: 'INC-42',
      datasets: 2,
    });

    // The same request is carried out once; a new one runs again.
    plantCache(root);
    expect(run('INC-42')).toBeUndefined();
    expect(existsSync(join(root, scope, 'FI-RD-01'))).toBe(true);
    expect(run('INC-43')).toBe(2);
  });
});

describe('issue 21: cache folder from the policy', () => {
  it('expands ${NAME}, and keeps the default with a reason when it cannot', () => {
    expect(resolveCacheLocation('', '/data', {})).toEqual({ root: '/data/vault' });
    expect(resolveCacheLocation('${CACHE}/cd', '/data', { CACHE: '/srv/cache' })).toEqual({
      root: '/srv/cache/cd',
    });
    const unset = resolveCacheLocation('${NOPE}/cd', '/data', {});
    expect(unset.root).toBe('/data/vault');
    expect(unset.problem).toContain('NOPE is not set');
    const relative = resolveCacheLocation('${REL}/cd', '/data', { REL: 'relative' });
    expect(relative.root).toBe('/data/vault');
    expect(relative.problem).toContain('not an absolute path');
  });

  it('defaults to a folder that does not roam: %LOCALAPPDATA% on Windows (STANDARDS 5.6), the data folder elsewhere', () => {
    const roaming = 'C:\\Users\\ana\\AppData\\Roaming\\Cohort Desk';
    const env = { LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local' };
    expect(defaultCacheRoot('win32', env, roaming, 'Cohort Desk')).toBe(
      'C:\\Users\\ana\\AppData\\Local\\Cohort Desk\\vault',
    );
    expect(defaultCacheRoot('win32', {}, roaming, 'Cohort Desk')).toBe(`${roaming}\\vault`);
    expect(defaultCacheRoot('linux', env, '/home/ana/.config/Cohort Desk', 'Cohort Desk')).toBe(
      '/home/ana/.config/Cohort Desk/vault',
    );
    // A policy still wins over the default; an unusable policy value falls back to it.
    const fallback = defaultCacheRoot('win32', env, roaming, 'Cohort Desk');
    expect(resolveCacheLocation('', roaming, env, fallback)).toEqual({ root: fallback });
    expect(resolveCacheLocation('${NOPE}\\cd', roaming, env, fallback).root).toBe(fallback);
  });
});
