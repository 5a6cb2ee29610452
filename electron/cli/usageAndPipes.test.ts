import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT } from './exitCodes';
import { cliHarness, exitOf, offlineEnv, spawnCli } from './testing/cliHarness';

const dir = mkdtempSync(join(tmpdir(), 'cli-usage-'));
const env = offlineEnv(dir);
const h = cliHarness({ env, cwd: dir });
afterAll(() => {
  h.close();
  rmSync(dir, { recursive: true, force: true });
});
writeFileSync(
  join(dir, 'good.vcf'),
  '##fileformat=VCFv4.3\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\nchr17\t43045712\t.\tG\tA\t60\tPASS\t.\n',
);

describe('issue 23: option values the parser refuses are usage errors', () => {
  it('vcf check --max-problems 0 exits 2 with the rule, not 70', async () => {
    for (const bad of ['0', '-1', 'many', '1.5']) {
      const r = await h.cli('vcf', 'check', '--max-problems', bad, 'good.vcf');
      expect(r.code).toBe(EXIT.usage);
      expect(r.out).toEqual([]);
      expect(r.err.join('\n')).toContain('--max-problems takes a whole number ≥ 1');
    }
  });

  it('case commands refuse a number that is not one with exit 2', async () => {
    const r = await h.cli('case', 'variants', 'X', '--limit', 'lots');
    expect(r.code).toBe(EXIT.usage);
    expect(r.err.join('\n')).toContain('--limit takes a whole number ≥ 0');
    expect((await h.cli('case', 'list', '--passphrase-fd', '1')).code).toBe(EXIT.usage);
  });
});

describe('issue 23: a reader that stops early (cli … | head)', () => {
  it('ends quietly with exit 0 when stdout is closed, without an EPIPE trace', async () => {
    const child = spawnCli(['--help'], { env });
    // The reader is gone before the command writes anything, as `| head -0` or a closed pager.
    child.stdout?.destroy();
    let err = '';
    child.stderr?.on('data', (b: Buffer) => (err += b.toString()));
    const code = await exitOf(child);
    expect(err).toBe('');
    expect(code).toBe(EXIT.ok);
  }, 60_000);
});
