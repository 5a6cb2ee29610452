import { describe, expect, it } from 'vitest';
import { CLI_SENDER } from '../ipc/cliSender';
import type { Handlers } from '../ipc/router';
import { createRouter } from '../ipc/router';
import { createMemoryLogger } from '../logging/logger';
import { nativeCohortHandlers } from './nativeCohorts.handlers';

// Decision 0106: the native cohort channels' own refusals ("No vault here.", the export's row cap,
// the cache's lock reason in nativeCache.ts) stay main's English because only the command line
// meets them, and the command line is English (README, decision 0063). This pins that: a window
// is refused first, with the code the renderer words, before any of them can be reached.
const router = createRouter({
  handlers: nativeCohortHandlers(undefined) as Handlers,
  logger: createMemoryLogger(),
  isTrustedSender: () => true,
});
const requests = {
  'cohorts:rows': { filters: {} },
  'cohorts:sql': { sql: 'SELECT 1', limit: 10 },
  'cohorts:sqlBatch': { statements: ['SELECT 1'], limit: 10 },
} as const;

describe('decision 0106: the native cohort channels answer the command line only', () => {
  it('a window is refused with the coded "cohort queries run in the page", never the CLI’s English', async () => {
    for (const [channel, payload] of Object.entries(requests)) {
      const r = await router.invoke(channel, payload, { url: 'app://renderer/index.html' });
      expect(r, channel).toMatchObject({
        ok: false,
        error: { code: 'NOT_ALLOWED', key: 'cohortsInPage' },
      });
    }
  });

  it('the command line meets the English refusal, as it prints it', async () => {
    for (const [channel, payload] of Object.entries(requests)) {
      const r = await router.invoke(channel, payload, CLI_SENDER);
      expect(r, channel).toEqual({
        ok: false,
        error: { code: 'NOT_ALLOWED', message: 'No vault here.' },
      });
    }
  });
});
