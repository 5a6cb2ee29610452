// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SomaticFilter } from '../../../../shared/cancer/somaticFilter';
import { DEFAULT_SOMATIC_FILTER } from '../../../../shared/cancer/somaticFilter';
import {
  SOMATIC_PRESETS,
  somaticPreset,
  somaticPresetFile,
} from '../../../../shared/cancer/somaticPresets';
import i18n from '../../i18n';
import { SomaticFilters } from './SomaticFilters';

afterEach(async () => {
  cleanup();
  await i18n.changeLanguage('en');
});

function Filters(start: SomaticFilter) {
  const changes: SomaticFilter[] = [];
  const view = render(<SomaticFilters filter={start} onChange={(f) => changes.push(f)} />);
  return {
    changes,
    show: (f: SomaticFilter) =>
      view.rerender(<SomaticFilters filter={f} onChange={(x) => changes.push(x)} />),
  };
}
const select = (): HTMLSelectElement => screen.getByLabelText('Preset');

describe('issue 19: the somatic presets in the somatic view (the same as case variants --preset)', () => {
  it('issue 19: the app opens on "somatic default"; choosing a preset runs its filter', () => {
    const f = Filters(DEFAULT_SOMATIC_FILTER);
    expect(select().value).toBe('somatic default');
    expect(select().selectedOptions[0]?.textContent).toBe('Default view');
    fireEvent.change(select(), { target: { value: 'somatic actionable' } });
    expect(f.changes).toEqual([somaticPreset('somatic actionable')?.filter]);
    // Every preset is offered by its translated name.
    expect([...select().options].map((o) => o.value)).toEqual([
      '',
      ...SOMATIC_PRESETS.map((p) => p.name),
    ]);
  });

  it('issue 19: a changed field is the person’s own choice; the preset shows again when the filter is one', () => {
    const f = Filters(DEFAULT_SOMATIC_FILTER);
    fireEvent.click(screen.getByTestId('somatic-hotspot'));
    const hot = f.changes.at(-1) ?? {};
    expect(hot).toEqual({ ...DEFAULT_SOMATIC_FILTER, hotspotOnly: true });
    f.show(hot);
    expect(select().value).toBe('somatic hotspots');
    f.show({ ...DEFAULT_SOMATIC_FILTER, minTumourVaf: 0.1 });
    expect(select().value).toBe('');
    expect(select().selectedOptions[0]?.textContent).toBe('Own choice');
  });

  it('issue 19: worded in the chosen language', async () => {
    await i18n.changeLanguage('fr');
    Filters({ ...DEFAULT_SOMATIC_FILTER, tiers: ['I', 'II'] });
    const s = screen.getByLabelText<HTMLSelectElement>('Préréglage');
    expect(s.selectedOptions[0]?.textContent).toBe('Actionnables (Tier I–II)');
  });

  it('issue 19: the user’s own presets are offered by their names and applied (decision 0079)', () => {
    const mine = somaticPresetFile('Melanoma board', {
      ...DEFAULT_SOMATIC_FILTER,
      minTumourVaf: 0.3,
    });
    const changes: SomaticFilter[] = [];
    render(
      <SomaticFilters filter={mine.filter} saved={[mine]} onChange={(f) => changes.push(f)} />,
    );
    expect(select().value).toBe('Melanoma board');
    const group = select().querySelector('optgroup');
    expect(group?.label).toBe('Saved');
    expect([...(group?.children ?? [])].map((o) => o.textContent)).toEqual(['Melanoma board']);
    fireEvent.change(select(), { target: { value: 'somatic hotspots' } });
    fireEvent.change(select(), { target: { value: 'Melanoma board' } });
    expect(changes).toEqual([somaticPreset('somatic hotspots')?.filter, mine.filter]);
  });

  it('issue 19: the consequence filter is in the Somatic tab too (it was only in the CLI)', () => {
    const f = Filters(DEFAULT_SOMATIC_FILTER);
    const list = screen.getByTestId('somatic-consequences');
    expect(list.querySelector('summary')?.textContent).toBe('Consequences (0 chosen)');
    const missense = list.querySelector('input[data-consequence="missense_variant"]');
    if (missense === null) throw new Error('no missense_variant choice');
    fireEvent.click(missense);
    expect(f.changes.at(-1)).toEqual({
      ...DEFAULT_SOMATIC_FILTER,
      consequences: ['missense_variant'],
    });
    f.show({ ...DEFAULT_SOMATIC_FILTER, consequences: ['missense_variant'] });
    expect(select().value).toBe('');
  });
});
