import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedFolder } from '../../../federation/sharedFolder';
import { readBytes, uncoded } from './testing/vcfProblemCases';

// `npm run conformance`: every problem and warning the hts-specs VCF test suite's files raise
// (HTS-01, its failed/ and passed/ folders) carries a code the renderer words (issue 22, decision
// 0069), so no English from the reader reaches a window.
const suite = join(sharedFolder(), 'data', 'vcf', 'hts-specs', 'test', 'vcf');
const files = existsSync(suite)
  ? readdirSync(suite)
      .filter((d) => /^4\.\d$/.test(d))
      .flatMap((d) =>
        ['failed', 'passed'].flatMap((kind) =>
          existsSync(join(suite, d, kind))
            ? readdirSync(join(suite, d, kind)).map((f) => join(suite, d, kind, f))
            : [],
        ),
      )
  : [];

describe('issue 22: the hts-specs VCF files’ problems are coded (decision 0069)', () => {
  it.skipIf(files.length === 0)(
    'issue 22: every problem of the suite has a known code',
    async () => {
      const problems = (
        await Promise.all(files.map((f) => readBytes(new Uint8Array(readFileSync(f)))))
      ).flat();
      expect(problems.length).toBeGreaterThan(files.length / 4);
      expect(problems.flatMap(uncoded)).toEqual([]);
    },
  );
});
