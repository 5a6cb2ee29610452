import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FuseV1Options, FuseVersion, flipFuses } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import { FuseState, checkFuses, expectedFuses } from '../../scripts/fuses.mjs';

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/**
 * A small file carrying what @electron/fuses reads in a real Electron binary: the sentinel, the wire
 * version (1), the wire length (9 in Electron 45) and one state byte per fuse, amid other bytes.
 * Starts with Electron's defaults (RunAsNode on, cookie encryption off, ..., WasmTrapHandlers on).
 */
function electronLikeBinary(): string {
  const defaults = [1, 0, 1, 1, 0, 0, 0, 1, 1].map((on) =>
    on ? FuseState.ENABLE : FuseState.DISABLE,
  );
  const bytes = Buffer.concat([
    Buffer.from('\x7fELF not really an executable'),
    Buffer.from(SENTINEL, 'ascii'),
    Buffer.from([1, defaults.length, ...defaults]),
    Buffer.from('trailing bytes of the binary'),
  ]);
  const file = join(mkdtempSync(join(tmpdir(), 'cd-fuses-')), 'cohort-desk');
  writeFileSync(file, bytes);
  return file;
}

/** Flips the fuses as electron-builder does from electron-builder.yml's electronFuses. */
async function flipProduction(file: string): Promise<void> {
  const expected = expectedFuses();
  const want = (i: number): boolean => expected[i] ?? true;
  await flipFuses(file, {
    version: FuseVersion.V1,
    [FuseV1Options.RunAsNode]: want(0),
    [FuseV1Options.EnableCookieEncryption]: want(1),
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: want(2),
    [FuseV1Options.EnableNodeCliInspectArguments]: want(3),
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: want(4),
    [FuseV1Options.OnlyLoadAppFromAsar]: want(5),
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: want(7),
  });
}

describe('issue 21: production fuses read back from a packaged binary', () => {
  it('the profile in electron-builder.yml is STANDARDS 5.2', () => {
    expect(expectedFuses()).toEqual({
      0: false,
      1: true,
      2: false,
      3: false,
      4: true,
      5: true,
      6: false,
      7: false,
      8: true,
    });
  });

  it('an unflipped Electron binary fails, naming every fuse that differs', async () => {
    expect(await checkFuses(electronLikeBinary())).toEqual([
      'RunAsNode is on, expected off',
      'EnableCookieEncryption is off, expected on',
      'EnableNodeOptionsEnvironmentVariable is on, expected off',
      'EnableNodeCliInspectArguments is on, expected off',
      'EnableEmbeddedAsarIntegrityValidation is off, expected on',
      'OnlyLoadAppFromAsar is off, expected on',
      'GrantFileProtocolExtraPrivileges is on, expected off',
    ]);
  });

  it('the binary flipped as at package time passes; one fuse flipped back fails', async () => {
    const file = electronLikeBinary();
    await flipProduction(file);
    expect(await checkFuses(file)).toEqual([]);
    await flipFuses(file, { version: FuseVersion.V1, [FuseV1Options.RunAsNode]: true });
    expect(await checkFuses(file)).toEqual(['RunAsNode is on, expected off']);
  });

  it('a file without the sentinel, or a new fuse, is an error', async () => {
    const plain = join(mkdtempSync(join(tmpdir(), 'cd-fuses-')), 'x');
    writeFileSync(plain, 'no fuses here');
    await expect(checkFuses(plain)).rejects.toThrow(/sentinel/);
    const file = electronLikeBinary();
    await flipProduction(file);
    const longer = Buffer.from(readFileSync(file));
    const at = longer.indexOf(SENTINEL) + SENTINEL.length;
    const grown = Buffer.concat([
      longer.subarray(0, at + 1),
      Buffer.from([10]),
      longer.subarray(at + 2, at + 11),
      Buffer.from([FuseState.ENABLE]),
      longer.subarray(at + 11),
    ]);
    writeFileSync(file, grown);
    expect(await checkFuses(file)).toEqual([
      expect.stringContaining('fuse #9 (#9) is new in this Electron'),
    ]);
  });
});
