import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../main/platform/paths';
import { openCliTransport } from './transport';

describe('issue 21: the command line uses the app’s data folder', () => {
  it.runIf(process.platform === 'linux')(
    'unset, the CLI keeps its settings in <XDG_CONFIG_HOME>/Cohort Desk, the folder Electron’s userData is set to',
    async () => {
      const xdg = mkdtempSync(join(tmpdir(), 'cd-xdg-'));
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        COHORT_DESK_DATA_DIR: '',
        XDG_CONFIG_HOME: xdg,
        COHORT_DESK_POLICY: join(xdg, 'no-policy.json'),
        COHORT_DESK_FEDERATION_FILE: join(xdg, 'no-federation.json'),
      };
      const cli = openCliTransport(env);
      const set = await cli.invoke('settings:set', { theme: 'dark' });
      cli.close();
      expect(set.ok).toBe(true);
      const folder = defaultDataDir('linux', env);
      expect(folder).toBe(join(xdg, 'Cohort Desk'));
      expect(existsSync(join(folder, 'settings.json'))).toBe(true);
      expect(existsSync(join(folder, 'logs', 'cli.log'))).toBe(true);
    },
  );
});
