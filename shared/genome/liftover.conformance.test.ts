// The committed liftover tables against their sources in ../shared: regenerated from the UCSC chains
// they must be byte-identical, and every cancer-hotspot SNV published with both GRCh37 and GRCh38
// coordinates (cancerhotspots v2) must map onto its published position and REF, both ways.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { liftVariant, refAgrees } from './liftover';
import { liftTable } from './liftoverTables';
import { REPO_ROOT, sharedDataFolder } from '../../federation/sharedFolder';

const root = REPO_ROOT;
const data = sharedDataFolder();
const CHAIN = join(data, 'liftover', 'hg19ToHg38.over.chain.gz');
const HOTSPOTS = join(
  data,
  'knowledge',
  'hotspots',
  'cancerhotspots_v2.alleles.grch38_grch37.tsv.gz',
);

describe('liftover tables against ../shared (issue 15 item 2)', () => {
  it.skipIf(!existsSync(CHAIN))(
    'are what scripts/buildLiftoverTables.mjs derives from the chains',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'liftover-'));
      try {
        const out = join(dir, 'liftover.data.ts');
        execFileSync(process.execPath, [
          join(root, 'scripts', 'buildLiftoverTables.mjs'),
          data,
          out,
        ]);
        expect(readFileSync(out, 'utf8')).toBe(
          readFileSync(join(root, 'shared', 'genome', 'liftover.data.ts'), 'utf8'),
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  it.skipIf(!existsSync(HOTSPOTS))(
    'map every published GRCh37/GRCh38 hotspot SNV pair both ways',
    () => {
      const up = liftTable('GRCh37', 'GRCh38');
      const down = liftTable('GRCh38', 'GRCh37');
      if (up === undefined || down === undefined) throw new Error('tables missing');
      const rows = gunzipSync(readFileSync(HOTSPOTS)).toString('utf8').split('\n').slice(1);
      let snvs = 0;
      const wrong: string[] = [];
      for (const line of rows) {
        const [
          ,
          ,
          ,
          c38 = '',
          p38 = '',
          r38 = '',
          a38 = '',
          c37 = '',
          p37 = '',
          r37 = '',
          a37 = '',
        ] = line.split('\t');
        if (!/^[ACGT]$/.test(r37) || !/^[ACGT]$/.test(a37) || !/^[ACGT]$/.test(r38)) continue;
        snvs++;
        const lifted = liftVariant(up, { chrom: c37, pos: Number(p37), ref: r37, alt: a37 });
        const back = liftVariant(down, { chrom: c38, pos: Number(p38), ref: r38, alt: a38 });
        const ok =
          typeof lifted !== 'string' &&
          lifted.chrom === c38 &&
          lifted.pos === Number(p38) &&
          refAgrees(lifted.ref, r38) &&
          typeof back !== 'string' &&
          back.pos === Number(p37);
        if (!ok)
          wrong.push(
            `${c37}:${p37} → ${JSON.stringify(lifted)} / ${c38}:${p38} → ${JSON.stringify(back)}`,
          );
      }
      expect(snvs).toBeGreaterThan(2500);
      expect(wrong).toEqual([]);
    },
  );
});
