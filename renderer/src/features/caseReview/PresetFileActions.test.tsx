// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CasePreset } from '../../../../shared/cases/filters';
import '../../i18n';
import { parsePresetFile } from './filterFiles';
import { PresetFileActions } from './PresetFileActions';

afterEach(cleanup);

const preset = (name: string, minGq: number): CasePreset => ({
  kind: 'cohort-desk.case-filter-preset',
  version: 1,
  name,
  filter: { minGq },
});

// Issue 16: main saves a preset over one of the same name (any case). A colleague's file named
// as one of the user's own presets replaced it without a word: the user's work was lost.
describe('issue 16: importing a shared preset never replaces a saved one', () => {
  it('saves the import under a free name and says which one was kept', async () => {
    const saved: CasePreset[] = [];
    const applied: string[] = [];
    const mine = preset('Epilepsy strict', 30);
    render(
      <PresetFileActions
        prefix="case"
        here={preset('case filter', 0)}
        existing={[mine]}
        deletable={undefined}
        fileSuffix="case-filter"
        parse={parsePresetFile}
        save={(p) => {
          saved.push(p);
          return Promise.resolve(undefined);
        }}
        remove={() => Promise.resolve(undefined)}
        onSaved={(p) => applied.push(p.name)}
        onDeleted={() => undefined}
      />,
    );
    const text = JSON.stringify(preset('epilepsy strict', 20));
    const file = new File([text], 'shared.json', { type: 'application/json' });
    fireEvent.change(screen.getByTestId('case-preset-import'), { target: { files: [file] } });
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toEqual({ ...preset('epilepsy strict (2)', 20) });
    expect(applied).toEqual(['epilepsy strict (2)']);
    await waitFor(() =>
      expect(screen.getByTestId('case-preset-message').textContent).toBe(
        'Imported and applied as epilepsy strict (2): a preset named epilepsy strict is already here and stays as it was.',
      ),
    );
  });
});

// Issue 16: a shared file whose name holds a right-to-left override showed reversed in the list
// and could pass for another preset; it is refused where it is imported, nothing saved.
describe('issue 16: a preset name with a text-direction override is refused on import', () => {
  it('says the file, the code point and the character; saves nothing', async () => {
    const saved: CasePreset[] = [];
    render(
      <PresetFileActions
        prefix="case"
        here={preset('case filter', 0)}
        existing={[]}
        deletable={undefined}
        fileSuffix="case-filter"
        parse={parsePresetFile}
        save={(p) => {
          saved.push(p);
          return Promise.resolve(undefined);
        }}
        remove={() => Promise.resolve(undefined)}
        onSaved={() => undefined}
        onDeleted={() => undefined}
      />,
    );
    const text = JSON.stringify(preset('trio \u202Egnp', 20));
    const file = new File([text], 'shared.json', { type: 'application/json' });
    fireEvent.change(screen.getByTestId('case-preset-import'), { target: { files: [file] } });
    await waitFor(() =>
      expect(screen.getByTestId('case-preset-message').textContent).toBe(
        'shared.json: the preset’s name holds U+202E at character 6, a control, text-direction or invisible character; remove it from the file’s “name” field.',
      ),
    );
    expect(saved).toEqual([]);
  });
});
