import { readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { importWorkerBundle } from './importWorkerBundle';

// Issue 16 (decision 0061): the command line starts the import worker from a bundle, not from the
// TypeScript source under tsx; the bundle is reused while its sources are unchanged.
const root = resolve(import.meta.dirname, '..', '..');
const folder = `test-cli-${String(process.pid)}`;

afterAll(() => rmSync(join(root, 'out', folder), { recursive: true, force: true }));

describe('the command line’s import worker bundle (issue 16)', () => {
  it('issue 16: is built once, reused, and built again when a source it came from is newer', () => {
    const spec = importWorkerBundle(root, folder);
    const file = fileURLToPath(spec.url);
    expect(file).toBe(join(root, 'out', folder, 'caseImportWorker.js'));
    expect(spec.execArgv).toEqual([]);
    const inputs = JSON.parse(readFileSync(`${file}.inputs.json`, 'utf8')) as string[];
    expect(inputs).toContain('electron/main/cases/import/partJob.ts');
    const built = statSync(file).mtimeMs;
    importWorkerBundle(root, folder);
    expect(statSync(file).mtimeMs).toBe(built);
    // A source changed after the build (listed with the inputs, dated later): built again.
    const changed = join('out', folder, 'changed.ts');
    writeFileSync(join(root, changed), '');
    utimesSync(join(root, changed), new Date(built + 60_000), new Date(built + 60_000));
    writeFileSync(`${file}.inputs.json`, JSON.stringify([...inputs, changed]));
    importWorkerBundle(root, folder);
    const again = JSON.parse(readFileSync(`${file}.inputs.json`, 'utf8')) as string[];
    expect(again).not.toContain(changed);
    expect(again).toEqual(inputs);
  });
});
