import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Autocomplete } from './Autocomplete';

const items = [
  { id: 'BRCA1', label: 'BRCA1', detail: 'chr17' },
  { id: 'BRCA2', label: 'BRCA2', detail: 'chr13' },
];

describe('Autocomplete (WAI-ARIA combobox)', () => {
  it('is keyboard usable: arrows move the active option, Enter picks, Escape closes', async () => {
    const onPick = vi.fn();
    function Host() {
      return (
        <Autocomplete
          id="g"
          label="Gene"
          value="BR"
          onChange={() => undefined}
          onPick={onPick}
          fetchSuggestions={() => Promise.resolve(items)}
          testId="g"
        />
      );
    }
    render(<Host />);
    const input = screen.getByRole('combobox', { name: 'Gene' });
    await act(async () => {
      fireEvent.change(input, { target: { value: 'BRC' } });
      await Promise.resolve();
    });
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(input.getAttribute('aria-expanded')).toBe('true');
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    const active = input.getAttribute('aria-activedescendant');
    expect(active).not.toBeNull();
    expect(document.getElementById(active!)?.textContent).toContain('BRCA2');
    expect(screen.getAllByRole('option')).toHaveLength(2);
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onPick).toHaveBeenCalledWith(items[1]);
    expect(input.getAttribute('aria-expanded')).toBe('false');
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(input.getAttribute('aria-expanded')).toBe('false');
  });
});
