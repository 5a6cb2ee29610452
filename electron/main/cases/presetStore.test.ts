import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HandlerError } from '../ipc/router';
import { createMemoryLogger } from '../logging/logger';
import { createPresetStore, MAX_SAVED_PRESETS } from './presetStore';

const Named = z.object({ name: z.string(), n: z.number() });
type Named = z.infer<typeof Named>;

const store = () =>
  createPresetStore<Named>({
    file: 'test-presets',
    schema: Named,
    builtIn: [{ name: 'rare disease trio', n: 0 }],
    owner: () => undefined,
    logger: createMemoryLogger(),
  });

// Issue 16: the saved list was cut to its newest 200, so the 201st save dropped the oldest preset
// without a word. A full list now refuses a new name, said; saving over a name still works.
describe('issue 16: a full preset list refuses a new preset rather than dropping the oldest', () => {
  it('keeps every saved preset and refuses the one past the limit with a coded reason', () => {
    const s = store();
    for (let i = 0; i < MAX_SAVED_PRESETS; i++) s.save({ name: `p${String(i)}`, n: i });
    expect(s.list()).toHaveLength(MAX_SAVED_PRESETS);
    let refused: unknown;
    try {
      s.save({ name: 'one more', n: -1 });
    } catch (error: unknown) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(HandlerError);
    expect((refused as HandlerError).said).toEqual({
      key: 'presetsFull',
      params: { max: MAX_SAVED_PRESETS },
    });
    expect(s.list().map((p) => p.name)).toContain('p0');
    expect(s.list().some((p) => p.name === 'one more')).toBe(false);
    // A preset saved again under its own name (any case) replaces it, full or not.
    s.save({ name: 'P0', n: 99 });
    expect(s.list()).toHaveLength(MAX_SAVED_PRESETS);
    expect(s.list()[0]).toEqual({ name: 'P0', n: 99 });
  });
});
