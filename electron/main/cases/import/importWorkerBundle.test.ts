import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import type { CaseHarness } from '../testing/caseHarness';
import { openCaseHarness } from '../testing/caseHarness';
import { equalityVcf } from '../testing/equalityVcf';
import { buildImportWorkerBundle } from '../testing/importWorkerBundle';
import { mutect2Vcf } from '../cancer/testing/somaticVcfs';
import { NATIVE_EXTERNAL, NODE_BUNDLE } from '../../../../scripts/esbuildNode.mjs';

// Issue 16 (decision 0054): the bench times the import worker the app runs (one esbuild bundle,
// scripts/build.mjs's settings), not the TypeScript source under tsx. The bundle must import a
// case exactly as the source worker does.

const harnesses: CaseHarness[] = [];
let bundleDir: string | undefined;
let bundle: Awaited<ReturnType<typeof buildImportWorkerBundle>> | undefined;
/** The bundle, built once for this file. */
async function theBundle(): Promise<NonNullable<typeof bundle>> {
  bundle ??= await buildImportWorkerBundle(`test-import-worker-${String(process.pid)}`);
  bundleDir = dirname(fileURLToPath(bundle.url));
  return bundle;
}
afterAll(async () => {
  for (const h of harnesses.splice(0)) await h.close();
  if (bundleDir !== undefined) rmSync(bundleDir, { recursive: true, force: true });
});

async function importWith(h: CaseHarness): Promise<unknown> {
  harnesses.push(h);
  const vcf = h.handle(h.file('equality.vcf', equalityVcf(400)));
  const end = await h.importCase({ caseId: 'BUNDLE', patientId: 'P', sex: 'female', vcf });
  expect(end.phase).toBe('done');
  return {
    end: { records: end.records, variants: end.variants },
    all: await h.call('case:variants', { caseId: 'BUNDLE', limit: 50 }),
    rare: await h.call('case:variants', {
      caseId: 'BUNDLE',
      filter: { maxPopAf: 0.01, impacts: ['HIGH', 'MODERATE'] },
      limit: 50,
    }),
  };
}

describe('the import worker bundle (issue 16, decision 0054)', () => {
  it('issue 16: the bundled import worker imports a case exactly as the source worker does', async () => {
    const worker = await theBundle();
    const fromBundle = await importWith(openCaseHarness({ importWorker: worker }));
    const fromSource = await importWith(openCaseHarness());
    expect(fromBundle).toEqual(fromSource);
    expect((fromBundle as { end: { variants: number } }).end.variants).toBeGreaterThan(0);
  }, 120_000);

  it('issue 16: the bundle requires native DuckDB when a writer opens, never as an ESM import at start (decision 0073)', async () => {
    const text = readFileSync(fileURLToPath((await theBundle()).url), 'utf8');
    // An ESM import of the CommonJS package makes Node lex every file of it at each worker start.
    expect(text).not.toMatch(/^import [^;]* from "@duckdb\/node-api";/mu);
    expect(text).toContain('createRequire(import.meta.url)("@duckdb/node-api")');
  }, 60_000);

  it('issue 16: a germline import worker evaluates no zod at start (its schemas stay at the trust boundaries, decision 0078)', () => {
    const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
    const { metafile } = buildSync({
      ...NODE_BUNDLE,
      absWorkingDir: root,
      entryPoints: ['electron/main/cases/import/importWorker.ts'],
      format: 'esm',
      external: NATIVE_EXTERNAL,
      metafile: true,
      write: false,
    });
    // Modules evaluated when the worker starts: every static import from the entry; a dynamic
    // import (the cancer case's somatic rows) loads only when a cancer case asks for it.
    const seen = new Set<string>();
    const walk = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const i of metafile.inputs[file]?.imports ?? [])
        if (i.kind !== 'dynamic-import') walk(i.path);
    };
    walk('electron/main/cases/import/importWorker.ts');
    expect(seen.has('shared/vcf/read.ts')).toBe(true);
    expect([...seen].filter((f) => f.includes('node_modules/zod/'))).toEqual([]);
  }, 60_000);

  it('issue 19: a cancer case imports through the bundle as through the source (its tables load on demand, decision 0073)', async () => {
    const worker = await theBundle();
    const somaticOf = async (h: CaseHarness): Promise<unknown> => {
      harnesses.push(h);
      const vcf = h.handle(h.file('mutect2.vcf.gz', mutect2Vcf(), { bgzf: true }));
      const end = await h.importCase({
        caseId: 'CA-BUNDLE',
        patientId: 'P',
        sex: 'female',
        vcf,
        cancer: { tumour: 'T-001', normal: 'N-001', tumourType: 'SKCM', purity: 0.6 },
      });
      expect(end.phase).toBe('done');
      return h.call('cancer:somatic', { caseId: 'CA-BUNDLE', filter: {}, limit: 1000 });
    };
    const fromBundle = await somaticOf(openCaseHarness({ importWorker: worker }));
    const fromSource = await somaticOf(openCaseHarness());
    expect(fromBundle).toEqual(fromSource);
    expect((fromBundle as { rows: unknown[] }).rows.length).toBeGreaterThan(0);
  }, 120_000);

  it('issue 16: the harness starts the worker script it is given (a missing one fails the import, nothing kept)', async () => {
    const h = openCaseHarness({
      importWorker: { url: new URL('./no-such-worker.js', import.meta.url), execArgv: [] },
    });
    harnesses.push(h);
    const vcf = h.handle(h.file('equality.vcf', equalityVcf(50)));
    const end = await h.importCase({ caseId: 'MISSING', patientId: 'P', sex: 'female', vcf });
    expect(end.phase).toBe('failed');
    expect((await h.call('case:list', undefined)).cases).toEqual([]);
  }, 60_000);
});
