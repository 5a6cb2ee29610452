import { toBgzf } from '../../electron/main/vcf/bgzfWriter';
import { TABLE_WINDOW } from '../../shared/cases/queryLayout';
import { expect, test } from '../fixtures/app';
import { AppShell } from '../pages/AppShell';
import { CaseReviewPage } from '../pages/CaseReviewPage';
import { CaseSeenPanel } from '../pages/CaseSeenPanel';

// Issue 18: "Look up the variants in the table" takes up to 500 kept rows in the table's order,
// not only the first window the table holds (TABLE_WINDOW, 200 rows). A case of 650 variants,
// sorted by variant descending, must send its first 500 rows in that order.

const VARIANTS = 650;
const BATCH = 500;

function bigVcf(): string {
  const lines = [
    '##fileformat=VCFv4.2',
    '##reference=GRCh38',
    '##contig=<ID=chr1,length=248956422,assembly=GRCh38>',
    '##contig=<ID=chr2,length=242193529,assembly=GRCh38>',
    '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
    '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tPROBAND',
  ];
  for (let i = 0; i < VARIANTS; i++) {
    const chrom = i < VARIANTS / 2 ? 'chr1' : 'chr2';
    lines.push(`${chrom}\t${String(1_000_000 + i * 1_000)}\t.\tA\tG\t50\tPASS\t.\tGT\t0/1`);
  }
  return `${lines.join('\n')}\n`;
}

interface Frame {
  type?: string;
  channel?: string;
  payload?: { candidates?: { chrom: string; pos: number; ref: string; alt: string }[] };
}

test('issue 18: the table’s seen-before batch sends up to 500 kept rows in the table’s order, past its first window', async ({
  page,
  sandbox,
}) => {
  test.setTimeout(180_000);
  const sent: Frame[] = [];
  page.on('websocket', (ws) =>
    ws.on('framesent', (f) => {
      if (typeof f.payload !== 'string' || !f.payload.includes('"seen:lookup"')) return;
      sent.push(JSON.parse(f.payload) as Frame);
    }),
  );
  // The page's RPC socket opened before the test could listen: reload to watch the new one.
  await page.reload();
  await new AppShell(page).waitUntilReady();
  const cases = new CaseReviewPage(page);
  const seen = new CaseSeenPanel(page);
  await cases.open();
  await cases.unlockVault('seen batch passphrase');
  await cases.startNewCase();
  await cases.fillPatient('P-BATCH', 'batch-018');
  await cases.giveVcf({ name: 'big.vcf.gz', text: toBgzf(bigVcf()) });
  await cases.importAndOpen('batch-018');
  await cases.settled();
  await expect(cases.kept()).toHaveAttribute('data-kept', String(VARIANTS));
  expect(VARIANTS).toBeGreaterThan(BATCH);
  expect(BATCH).toBeGreaterThan(TABLE_WINDOW);

  // The table's order: by variant, descending (chr2's last allele first).
  await cases.columnHeader('Variant').click();
  await cases.settled();
  await cases.columnHeader('Variant').click();
  await cases.settled();
  await expect(cases.columnHeader('Variant')).toHaveAttribute('aria-sort', 'descending');
  const exported = (await cases.exportVariants()).text
    .trimEnd()
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t').slice(2, 6).join('-').replace(/^chr/i, ''));
  expect(exported).toHaveLength(VARIANTS);

  await seen.tab().click();
  await expect(seen.lookupTable()).toHaveText(
    `Look up the variants in the table (${String(BATCH)})`,
  );
  await seen.lookupTable().click();
  await expect.poll(() => sent.length).toBe(1);
  const candidates = sent[0]?.payload?.candidates ?? [];
  const keys = candidates.map((c) => `${c.chrom}-${String(c.pos)}-${c.ref}-${c.alt}`);
  expect(keys).toHaveLength(BATCH);
  expect(keys).toEqual(exported.slice(0, BATCH));
  // Past the first window: the 201st to 500th rows are the table's, and chr1 is reached.
  expect(keys[TABLE_WINDOW]).toBe(exported[TABLE_WINDOW]);
  expect(keys.some((k) => k.startsWith('1-'))).toBe(true);
  expect(sandbox.outsideRequests).toEqual([]);
});
