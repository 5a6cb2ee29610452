// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../i18n';
import { ErrorBoundary } from './ErrorBoundary';

afterEach(cleanup);

let explode = true;
function Bomb() {
  if (explode) throw new Error('cohort table exploded');
  return <p>recovered</p>;
}

describe('ErrorBoundary', () => {
  it('shows a useful message instead of a blank page, and can retry', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <ErrorBoundary>
        <Bomb />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert').textContent).toContain('This page ran into a problem');
    expect(screen.getByText('cohort table exploded')).toBeTruthy();
    explode = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('recovered')).toBeTruthy();
    quiet.mockRestore();
  });
});
