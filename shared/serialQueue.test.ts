import { describe, expect, it } from 'vitest';
import { serialQueue } from './serialQueue';

describe('serialQueue (decision 0099)', () => {
  it('starts each piece of work after the one before it settles, in the order asked', async () => {
    const queued = serialQueue();
    const seen: string[] = [];
    let release: () => void = () => undefined;
    const first = queued(async () => {
      seen.push('first starts');
      await new Promise<void>((r) => (release = r));
      seen.push('first ends');
      return 1;
    });
    const second = queued(() => {
      seen.push('second starts');
      return Promise.resolve(2);
    });
    await Promise.resolve();
    expect(seen).toEqual(['first starts']);
    release();
    expect(await Promise.all([first, second])).toEqual([1, 2]);
    expect(seen).toEqual(['first starts', 'first ends', 'second starts']);
  });

  it('goes on after a failure, which reaches only its own caller', async () => {
    const queued = serialQueue();
    const failed = queued(() => Promise.reject(new Error('refused')));
    const next = queued(() => Promise.resolve('next'));
    await expect(failed).rejects.toThrow('refused');
    await expect(next).resolves.toBe('next');
  });
});
