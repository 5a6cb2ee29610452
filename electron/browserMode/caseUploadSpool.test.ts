import { readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_UPLOAD_PATH } from '../../shared/cases/channels';
import type { FileRef } from '../../shared/cases/channels';
import { toBgzf } from '../main/vcf/bgzfWriter';
import type { CaseHarness } from '../main/cases/testing/caseHarness';
import { openCaseHarness } from '../main/cases/testing/caseHarness';
import { syntheticTrio } from '../main/cases/testing/syntheticTrio';
import { handleCaseUpload } from './caseUpload';

// Issue 16, DATA-02/DATA-03 (no patient data left behind): in browser mode the VCF the page
// uploads is spooled encrypted in main. The copy stayed until its handle expired (4 h) or the app
// restarted, whatever became of the import. It goes when the import ends: done, failed or
// cancelled; a request refused before the import starts (a PED to fix, an id taken) keeps it, so
// the dialog can ask again without a new upload.
const trio = syntheticTrio();
let h: CaseHarness;
let origin = '';
const server = createServer((req, res) => {
  void handleCaseUpload(req, res, {
    cases: h.services.cases,
    logger: h.services.logger,
    headers: {},
    url: new URL(req.url ?? '/', origin),
  });
});

beforeAll(async () => {
  h = openCaseHarness();
  await h.invoke('case:list', undefined); // the vault is open
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await h.close();
});

/** Uploads `body` through the real upload route; the handle main answers with. */
async function upload(name: string, body: Uint8Array | string): Promise<string> {
  const r = await fetch(`${origin}${CASE_UPLOAD_PATH}?name=${name}`, { method: 'POST', body });
  expect(r.status).toBe(200);
  return ((await r.json()) as FileRef).handle;
}
const spooled = (): string[] => readdirSync(h.services.cases.spoolDir);
const longVcf = (n: number): string =>
  [
    '##fileformat=VCFv4.2',
    '##contig=<ID=chr1,length=248956422>',
    '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
    '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1',
    ...Array.from(
      { length: n },
      (_, i) => `chr1\t${String(1000 + i * 7)}\t.\tA\tG\t50\tPASS\t.\tGT\t0/1`,
    ),
    '',
  ].join('\n');

describe('issue 16: browser mode removes an upload once its import ended', () => {
  it('a finished import removes the upload; the case stays', async () => {
    const vcf = await upload('trio.vcf.gz', toBgzf(trio.vcf));
    expect(spooled()).toHaveLength(1);
    const end = await h.importCase({
      caseId: 'UPLOADED',
      patientId: 'P',
      sex: 'male',
      vcf,
      proband: 'PROBAND',
    });
    expect(end.phase).toBe('done');
    expect(spooled()).toEqual([]);
    expect((await h.call('case:list', undefined)).cases.map((c) => c.caseId)).toContain('UPLOADED');
    // The handle went with it: a second import asks for the file again.
    const again = await h.invoke('case:import', {
      caseId: 'AGAIN',
      patientId: 'P',
      sex: 'male',
      vcf,
    });
    expect(!again.ok && again.error.key).toBe('vcfGone');
  }, 120_000);

  it('a failed import (a record that is not VCF) removes the upload', async () => {
    const vcf = await upload('bad.vcf', `${longVcf(3)}chr1\t5\t.\tA\t\t50\tPASS\t.\tGT\t0/1\n`);
    const end = await h.importCase({ caseId: 'BAD', patientId: 'P', sex: 'male', vcf });
    expect(end.phase).toBe('failed');
    expect(spooled()).toEqual([]);
  }, 120_000);

  it('a cancelled import removes the upload', async () => {
    const vcf = await upload('long.vcf', longVcf(300_000));
    let asked = false;
    const end = await h.importCase({ caseId: 'STOPPED', patientId: 'P', sex: 'male', vcf }, (p) => {
      if (!asked && p.phase === 'reading' && p.records > 0) {
        asked = true;
        void h.call('case:cancel', { jobId: p.jobId });
      }
    });
    expect(end.phase).toBe('cancelled');
    expect(spooled()).toEqual([]);
  }, 120_000);

  it('a request refused before the import starts keeps the upload for the corrected request', async () => {
    const vcf = await upload('trio2.vcf.gz', toBgzf(trio.vcf));
    const taken = await h.invoke('case:import', {
      caseId: 'UPLOADED',
      patientId: 'P',
      sex: 'male',
      vcf,
      proband: 'PROBAND',
    });
    expect(!taken.ok && taken.error.key).toBe('caseExists');
    expect(spooled()).toHaveLength(1);
    const end = await h.importCase({
      caseId: 'UPLOADED-2',
      patientId: 'P',
      sex: 'male',
      vcf,
      proband: 'PROBAND',
    });
    expect(end.phase).toBe('done');
    expect(spooled()).toEqual([]);
  }, 120_000);

  it('New case closed or another VCF chosen: case:releaseFile deletes the upload; never one an import reads, never a file on disk', async () => {
    const given = await upload('given-up.vcf.gz', toBgzf(trio.vcf));
    expect(spooled()).toHaveLength(1);
    expect(await h.call('case:releaseFile', { handle: given })).toEqual({ released: true });
    expect(spooled()).toEqual([]);
    expect(await h.call('case:releaseFile', { handle: given })).toEqual({ released: false });

    const vcf = await upload('long2.vcf', longVcf(300_000));
    let refused: boolean | undefined;
    const end = await h.importCase({ caseId: 'HELD', patientId: 'P', sex: 'male', vcf }, (p) => {
      if (refused === undefined && p.phase === 'reading' && p.records > 0)
        void h.call('case:releaseFile', { handle: vcf }).then((r) => {
          refused = !r.released;
        });
    });
    expect(refused).toBe(true);
    expect(end.phase).toBe('done');
    expect(spooled()).toEqual([]);

    const onDisk = h.handle(h.file('on-disk.vcf', longVcf(2)));
    expect(await h.call('case:releaseFile', { handle: onDisk })).toEqual({ released: false });
  }, 120_000);
});
