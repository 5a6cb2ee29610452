import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW, readWindowState, visibleBounds, writeWindowState } from './windowState';

const display = { x: 0, y: 0, width: 1920, height: 1080 };

describe('window state', () => {
  it('round-trips through the file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cd-win-')), 'w.json');
    writeWindowState(file, { x: 10, y: 20, width: 1000, height: 700, maximized: true });
    expect(readWindowState(file)).toEqual({
      x: 10,
      y: 20,
      width: 1000,
      height: 700,
      maximized: true,
    });
  });

  it('ignores an invalid file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cd-win-')), 'w.json');
    writeFileSync(file, '{"x": "left"}');
    expect(readWindowState(file)).toBeUndefined();
    expect(visibleBounds(undefined, [display])).toEqual(DEFAULT_WINDOW);
  });

  it('drops a position that is no longer on any display but keeps the size', () => {
    const state = { x: 3000, y: 100, width: 1000, height: 700, maximized: false };
    expect(visibleBounds(state, [display])).toEqual({ width: 1000, height: 700 });
    expect(visibleBounds({ ...state, x: 100 }, [display])).toEqual({
      x: 100,
      y: 100,
      width: 1000,
      height: 700,
    });
  });
});
