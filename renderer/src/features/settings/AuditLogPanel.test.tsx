// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuditList, AuditListRequest, AuditRow } from '../../../../shared/audit/auditLog';
import { createApiClient, setApiClient } from '../../api/client';
import '../../i18n';
import { resetStore, useStore } from '../../store';
import { auditRequest } from '../../store/auditSlice';
import { AuditLogPanel } from './AuditLogPanel';

// jsdom has no layout: give the scroller a viewport and each row a height, as a browser would.
beforeEach(() => {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (
    this: HTMLElement,
  ) {
    return this.classList.contains('audit-scroller') ? 384 : 0;
  });
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(900);
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(44);
});

afterEach(() => {
  vi.restoreAllMocks();
  cleanup();
  resetStore();
  setApiClient(undefined);
});

const row = (line: number, patch: Partial<AuditRow> = {}): AuditRow => ({
  line,
  seq: line,
  t: `2026-12-0${1 + (line % 5)}T09:00:00.000Z`,
  type: 'vault.write',
  fields: { datasetId: `FI-RD-0${line % 10}`, rows: line },
  sealed: true,
  ...patch,
});

const list = (rows: AuditRow[], patch: Partial<AuditList> = {}): AuditList => ({
  verdict: { ok: true, entries: rows.length, sealedThrough: rows.length, keyChecked: true },
  file: '/data/audit/audit.jsonl',
  rows,
  matched: rows.length,
  total: rows.length,
  types: [...new Set(rows.map((r) => r.type))].sort(),
  breaks: [],
  ...patch,
});

/** The api as main answers audit:list; records each request the page sends. */
function serve(answer: (request: AuditListRequest) => AuditList): AuditListRequest[] {
  const requests: AuditListRequest[] = [];
  setApiClient(
    createApiClient({
      kind: 'browser',
      invoke: (_channel, payload) => {
        requests.push(payload as AuditListRequest);
        return Promise.resolve({ ok: true, value: answer(payload as AuditListRequest) });
      },
      on: () => () => undefined,
    }),
  );
  return requests;
}

describe('AuditLogPanel (issue 13)', () => {
  it('issue 13: shows the entries and the verification instead of "will be recorded here"', async () => {
    serve(() =>
      list([
        row(2, {
          type: 'search.run',
          fields: { queryId: 'q-1', nodes: ['FI', 'IT'] },
          private: { state: 'open', fields: { query: 'BRCA1 with Seizure' } },
        }),
        row(1, { type: 'auth.sign_in', fields: { sub: 'clinician' } }),
      ]),
    );
    render(<AuditLogPanel />);
    expect(await screen.findByText(/the chain of 2 entries is intact and sealed/)).toBeTruthy();
    const rows = screen.getAllByTestId('audit-row');
    expect(rows.map((r) => r.getAttribute('data-line'))).toEqual(['2', '1']);
    expect(within(rows[0]!).getByText('Search')).toBeTruthy();
    expect(within(rows[0]!).getByTestId('audit-private').textContent).toBe(
      'Sealed, shown to you: query: BRCA1 with Seizure',
    );
    expect(within(rows[1]!).getByText('Sign-in')).toBeTruthy();
    expect(screen.getByTestId('audit-count').textContent).toBe(
      'Showing 2 of 2 matching entries (2 in the log).',
    );
    expect(screen.queryByText(/will be recorded here/)).toBeNull();
  });

  it('issue 12: a break is an alert that names the line, and its row is marked', async () => {
    serve(() =>
      list([row(3), row(2), row(1)], {
        verdict: {
          ok: false,
          entries: 3,
          sealedThrough: 1,
          keyChecked: true,
          line: 2,
          reason: 'hash-mismatch',
          message:
            'Line 2 was changed after it was written: its content no longer matches its hash.',
        },
      }),
    );
    render(<AuditLogPanel />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('changed outside Cohort Desk at line 2');
    expect(alert.textContent).toContain('its content no longer matches its hash');
    const marked = screen.getAllByTestId('audit-row').filter((r) => r.className.includes('break'));
    expect(marked.map((r) => r.getAttribute('data-line'))).toEqual(['2']);
    expect(within(marked[0]!).getByText('The chain breaks here.')).toBeTruthy();
  });

  it('sends the type, the local day range (the "to" day included) and the text to main', async () => {
    const requests = serve(() => list([row(1)]));
    render(<AuditLogPanel />);
    await screen.findAllByTestId('audit-row');
    act(() => {
      fireEvent.change(screen.getByLabelText('Type'), { target: { value: 'vault.write' } });
      fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-12-02' } });
      fireEvent.change(screen.getByLabelText('To (included)'), { target: { value: '2026-12-03' } });
      fireEvent.change(screen.getByLabelText('Text'), { target: { value: ' fi-rd ' } });
    });
    await waitFor(() =>
      expect(requests.at(-1)).toEqual({
        types: ['vault.write'],
        from: new Date(2026, 11, 2).toISOString(),
        to: new Date(2026, 11, 4).toISOString(),
        text: 'fi-rd',
      }),
    );
    expect(useStore.getState().auditFilter.type).toBe('vault.write');
    expect(auditRequest({ type: '', from: 'not a day', to: '', text: '' })).toEqual({});
  });

  it('keeps only the visible rows of a long log in the document (virtualised)', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => row(5000 - i));
    serve(() => list(rows));
    render(<AuditLogPanel />);
    const shown = await screen.findAllByTestId('audit-row');
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(60);
    expect(screen.getByRole('table').getAttribute('aria-rowcount')).toBe('5001');
  });
});
