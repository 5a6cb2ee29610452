import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from '../settings/atomicWrite';

const WindowStateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(640).max(10_000),
  height: z.number().int().min(480).max(10_000),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowStateSchema>;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_WINDOW = { width: 1280, height: 820 } as const;

/** Reads the remembered window bounds; anything invalid means "use the defaults". */
export function readWindowState(file: string): WindowState | undefined {
  try {
    return WindowStateSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return undefined;
  }
}

/** Persists window bounds atomically. */
export function writeWindowState(file: string, state: WindowState): void {
  writeFileAtomic(file, JSON.stringify(state));
}

/**
 * Keeps remembered bounds only if the window's title bar would be visible on a current display
 * (a monitor may have been unplugged since).
 */
export function visibleBounds(
  state: WindowState | undefined,
  displays: readonly Rect[],
): Partial<Rect> {
  if (state === undefined) return { ...DEFAULT_WINDOW };
  const titleBar = { x: state.x + 40, y: state.y + 10 };
  const onScreen = displays.some(
    (d) =>
      titleBar.x >= d.x &&
      titleBar.x < d.x + d.width &&
      titleBar.y >= d.y &&
      titleBar.y < d.y + d.height,
  );
  return onScreen
    ? { x: state.x, y: state.y, width: state.width, height: state.height }
    : { width: state.width, height: state.height };
}
