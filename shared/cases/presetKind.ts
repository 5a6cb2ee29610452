import { somaticPreset } from '../cancer/somaticPresets';
import { presetNameHidden } from './presetName';
import { builtInPreset } from './presets';

/** The two kinds of filter preset: a germline case's (issue 16) and a cancer case's (issue 19). */
export type PresetKind = 'germline' | 'somatic';

/** A name as preset names are compared: without regard to case or surrounding spaces. */
export const presetNameKey = (name: string): string => name.trim().toLowerCase();

/** The user's saved presets of each kind, by name. */
export interface SavedPresetNames {
  readonly germline: readonly { readonly name: string }[];
  readonly somatic: readonly { readonly name: string }[];
}

/**
 * The kinds of preset `name` is among the built-in and the user's saved ones (issue 19): a case
 * takes a preset of its own kind; a name of the other kind only (built in or saved) is refused as
 * that kind's, not as unknown. A name of both kinds is its own kind's on either case.
 */
export function presetKindsOf(name: string, saved: SavedPresetNames): PresetKind[] {
  const key = presetNameKey(name);
  const has = (list: readonly { readonly name: string }[]) =>
    list.some((p) => presetNameKey(p.name) === key);
  return [
    ...(builtInPreset(name) !== undefined || has(saved.germline) ? (['germline'] as const) : []),
    ...(somaticPreset(name) !== undefined || has(saved.somatic) ? (['somatic'] as const) : []),
  ];
}

/**
 * Why `name` cannot name a preset (empty, longer than a saved name can be, control, text-direction
 * or invisible characters: presetName.ts), or undefined: the command line refuses such a
 * `--preset` before it asks for the vault.
 */
export function presetNameProblem(name: string): 'empty' | 'too-long' | 'control' | undefined {
  if (name.trim() === '') return 'empty';
  if (name.length > 100) return 'too-long';
  return presetNameHidden(name) === undefined ? undefined : 'control';
}
