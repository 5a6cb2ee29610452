import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronegativityGate } from '../../scripts/electronegativity.mjs';

describe('issue 21: the Electronegativity gate fails on medium or higher', () => {
  it('an insecure window (node integration, no context isolation, web security off) is blocking', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd-eng-'));
    writeFileSync(
      join(dir, 'main.js'),
      `const { BrowserWindow } = require('electron');
new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, webSecurity: false } });
`,
    );
    const report = await electronegativityGate([{ input: dir, excluded: [] }]);
    const ids = report.blocking.map((f) => f.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'CONTEXT_ISOLATION_JS_CHECK',
        'WEB_SECURITY_JS_CHECK',
        'SANDBOX_JS_CHECK',
      ]),
    );
  });
});
