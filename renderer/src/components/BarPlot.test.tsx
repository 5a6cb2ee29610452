import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { BarPlot } from './BarPlot';

afterEach(cleanup);

const bar = (label: string, value: number) => ({ key: label, label, value, text: String(value) });
const plot = (labels: string[], tableSummary?: string) =>
  render(
    <BarPlot
      id="p"
      testId="plot"
      title="Individuals per phenotype"
      keyHeader="Phenotype"
      valueHeader="Individuals"
      bars={labels.map((l, i) => bar(l, 10 * (i + 1)))}
      {...(tableSummary === undefined ? {} : { tableSummary })}
    />,
  );
const viewBoxWidth = (): number =>
  Number(screen.getByRole('img').getAttribute('viewBox')?.split(' ')[2]);

describe('BarPlot (shared by the Search and Cohorts pages)', () => {
  it('issue 13: the label column widens to fit the longest label instead of clipping it', () => {
    plot(['FI', 'SE']);
    const narrow = viewBoxWidth();
    cleanup();
    const long = 'Abnormality of the cardiovascular system';
    plot(['Seizure', long]);
    expect(viewBoxWidth()).toBeGreaterThan(narrow + 200);
    const label = screen.getByText(long, { selector: 'svg text' });
    // The label's right edge (it is end-anchored) leaves its estimated width inside the plot.
    expect(Number(label.getAttribute('x'))).toBeGreaterThanOrEqual(long.length * 7);
  });

  it('issue 13: a label too long for any plot is shortened, its full text in a tooltip and the table', () => {
    const huge = 'Abnormality of the upper and lower limbs and of the skeletal system as a whole';
    plot([huge], 'Show as a table');
    const shown = screen.getByRole('img').querySelector('text');
    expect(shown?.firstChild?.textContent?.endsWith('…')).toBe(true);
    expect(shown?.querySelector('title')?.textContent).toBe(huge);
    expect(screen.getByRole('rowheader').textContent).toBe(huge);
  });

  it('offers the numbers as a table: behind a disclosure, or for screen readers only', () => {
    plot(['FI'], 'Show as a table');
    expect(screen.getByText('Show as a table').tagName).toBe('SUMMARY');
    expect(screen.getByTestId('plot-table').className).toBe('data-table');
    expect(screen.getByRole('img').getAttribute('aria-describedby')).toBe('p-table');
    cleanup();
    plot(['FI']);
    expect(screen.getByTestId('plot-table').className).toBe('visually-hidden');
  });
});
