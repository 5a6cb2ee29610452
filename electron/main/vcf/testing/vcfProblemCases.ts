import { gzipSync } from 'node:zlib';
import { utf8 } from '../../../../shared/vcf/testing/parseText';
import { rec } from '../../../../shared/vcf/testing/problemCases';
import { readVcf } from '../../../../shared/vcf';
import type { VcfProblem } from '../../../../shared/vcf';
import { VCF_PROBLEM_CODES, VcfProblemSchema } from '../../../../shared/vcf/channels';
import { toBgzf } from '../bgzfWriter';
import { nodeInflater } from '../nodeVcf';

// The reader's container and decompression problems as bytes (issue 22, decision 0069), beside
// the text cases of shared/vcf/testing/problemCases.ts: vcfProblemCodes.test.ts checks each is
// coded.

const VALID = rec({});
const gz = gzipSync(Buffer.from(VALID));
const corruptCrc = Buffer.from(gz);
corruptCrc[corruptCrc.length - 8] = (corruptCrc[corruptCrc.length - 8] ?? 0) ^ 0xff;
const bgzf = toBgzf(VALID);

/** Bytes that are not VCF text, or a compressed VCF that is cut or corrupt. */
export const BYTE_CASES: readonly (readonly [string, Uint8Array])[] = [
  ['not-vcf-bcf', Uint8Array.from([0x42, 0x43, 0x46, 0x02, ...utf8('x'.repeat(40))])],
  ['not-vcf-bcf', toBgzf(Uint8Array.from([0x42, 0x43, 0x46, 0x02, 0, 0, 0, 0]))],
  [
    'not-vcf-compressed',
    Uint8Array.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0, ...utf8('x'.repeat(40))]),
  ],
  ['not-vcf-zip', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...utf8('x'.repeat(40))])],
  ['not-vcf-pdf', utf8(`%PDF-1.7${'x'.repeat(40)}`)],
  ['bgzf-not-block', Buffer.concat([toBgzf(VALID, { eof: false }), gz])],
  ['bgzf-cut', bgzf.subarray(0, bgzf.length - 10)],
  ['bgzf-no-eof', toBgzf(VALID, { eof: false })],
  ['compressed-cut', gz.subarray(0, gz.length - 16)],
  ['compressed-corrupt', corruptCrc],
];

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  await Promise.resolve();
  yield bytes;
}

/** Every problem and warning the reader finds in these bytes (plain, gzip or BGZF). */
export async function readBytes(bytes: Uint8Array): Promise<VcfProblem[]> {
  const s = await readVcf(once(bytes), { file: 'x.vcf', inflater: nodeInflater });
  return [...s.problems, ...s.warnings];
}

/** What is wrong with a problem as it would cross to the renderer: empty when it is coded. */
export function uncoded(p: VcfProblem): string[] {
  const out: string[] = [];
  if (!(VCF_PROBLEM_CODES as readonly string[]).includes(p.code))
    out.push(`${p.message}: no known code (${p.code})`);
  if (!VcfProblemSchema.safeParse(p).success) out.push(`${p.message}: does not cross IPC`);
  return out;
}
