import type { z } from 'zod';
import { words } from '../../../shared/appError';
import { presetNameHidden } from '../../../shared/cases/presetName';
import { HandlerError } from '../ipc/router';
import type { Logger } from '../logging/logger';
import type { StateOwner } from '../vault/userState';
import { createUserStateFile } from '../vault/userState';

/** A named filter preset: the germline case filter's, or the somatic filter's (decision 0079). */
export interface NamedPreset {
  readonly name: string;
}

/** The built-in presets of one kind and the owner's own, sealed per user like saved cohorts (0011). */
export interface PresetStore<P extends NamedPreset> {
  list(): P[];
  view(): { builtIn: P[]; saved: P[] };
  save(p: P): { builtIn: P[]; saved: P[] };
  remove(name: string): { builtIn: P[]; saved: P[] };
}

/** The most presets one user keeps of one kind (the newest saved first). */
export const MAX_SAVED_PRESETS = 200;

const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * One user's presets of one kind in their sealed state file `file` (issue 16's germline presets,
 * issue 19's somatic ones): a name is unique without regard to case, a built-in name is refused,
 * and a preset saved under a name it already has replaces it.
 */
export function createPresetStore<P extends NamedPreset>(opts: {
  file: string;
  schema: z.ZodType<P>;
  builtIn: readonly P[];
  owner: () => StateOwner | undefined;
  logger: Logger;
}): PresetStore<P> {
  const state = createUserStateFile<P[]>({
    name: opts.file,
    schema: opts.schema.array(),
    empty: () => [],
    merge: (disk, memory) => [
      ...memory,
      ...disk.filter((d) => !memory.some((m) => same(m.name, d.name))),
    ],
    owner: opts.owner,
    logger: opts.logger,
  });
  const view = () => ({ builtIn: [...opts.builtIn], saved: state.get() });
  return {
    list: () => state.get(),
    view,
    save(p) {
      if (opts.builtIn.some((b) => same(b.name, p.name)))
        throw new HandlerError(
          'INVALID_REQUEST',
          `"${p.name}" is a built-in preset; save yours under another name.`,
          'name',
          words('builtInPreset', { name: p.name }),
        );
      // Issue 16: a text-direction override or an invisible character would show the name
      // reversed or make two names look the same, in every list and every shared file.
      const hidden = presetNameHidden(p.name);
      if (hidden !== undefined)
        throw new HandlerError(
          'INVALID_REQUEST',
          `A preset name cannot hold control, text-direction or invisible characters: this one holds ${hidden.codePoint} at character ${String(hidden.at)}.`,
          'name',
          words('presetNameHidden', hidden),
        );
      // A full list refuses a new name: cutting it would drop the oldest preset unsaid (issue 16).
      const all = state.get();
      if (all.length >= MAX_SAVED_PRESETS && !all.some((x) => same(x.name, p.name)))
        throw new HandlerError(
          'INVALID_REQUEST',
          `${String(MAX_SAVED_PRESETS)} presets are saved, the most kept; delete one you no longer use first.`,
          'name',
          words('presetsFull', { max: MAX_SAVED_PRESETS }),
        );
      state.update((now) => [p, ...now.filter((x) => !same(x.name, p.name))]);
      return view();
    },
    remove(name) {
      state.update((all) => all.filter((x) => !same(x.name, name)));
      return view();
    },
  };
}
