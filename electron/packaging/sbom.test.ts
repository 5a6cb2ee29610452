import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LicenceNoticesSchema } from '../../shared/it/licences';
import { writeSbomAndNotices } from '../../scripts/sbom.mjs';

const root = join(import.meta.dirname, '..', '..');

/** The production packages the lock file installs here (optional ones only where installed). */
function productionPackages(): Set<string> {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { version?: string; dev?: boolean; optional?: boolean }>;
  };
  const names = new Set<string>();
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path === '' || entry.dev === true) continue;
    if (entry.optional === true && !existsSync(join(root, path))) continue;
    names.add(`${path.slice(path.lastIndexOf('node_modules/') + 13)}@${entry.version ?? ''}`);
  }
  return names;
}

describe('issue 21: SBOM and licence notices', () => {
  it('every production dependency of the lock file appears in the CycloneDX SBOM and the notices, with a licence', () => {
    const out = mkdtempSync(join(tmpdir(), 'cd-sbom-'));
    const { sbomFile, noticesFile } = writeSbomAndNotices(out, { force: true });
    const sbom = JSON.parse(readFileSync(sbomFile, 'utf8')) as {
      bomFormat: string;
      specVersion: string;
      components: { name: string; group?: string; version: string }[];
    };
    expect(sbom.bomFormat).toBe('CycloneDX');
    expect(sbom.specVersion).toBe('1.6');
    const inSbom = new Set(
      sbom.components.map((c) => `${c.group ? `${c.group}/` : ''}${c.name}@${c.version}`),
    );
    const notices = LicenceNoticesSchema.parse(JSON.parse(readFileSync(noticesFile, 'utf8')));
    const inNotices = new Set(notices.packages.map((p) => `${p.name}@${p.version}`));
    const expected = [...productionPackages()];
    expect(expected.length).toBeGreaterThan(50);
    expect(expected.filter((p) => !inSbom.has(p))).toEqual([]);
    expect(expected.filter((p) => !inNotices.has(p))).toEqual([]);
    expect(notices.packages.filter((p) => p.license === 'UNKNOWN')).toEqual([]);
    expect(notices.packages.find((p) => p.name === 'react')?.text).toContain('MIT License');
  });
});
