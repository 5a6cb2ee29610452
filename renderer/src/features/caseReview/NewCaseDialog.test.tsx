// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseInspection, FileRef } from '../../../../shared/cases/channels';
import { createApiClient, setApiClient } from '../../api/client';
import '../../i18n';
import { resetStore } from '../../store';
import { NewCaseDialog } from './NewCaseDialog';

/**
 * Issue 19: New case's file picks and inspections answer after the person changed other fields.
 * Main is the transport (Electron's kind: its own file dialog); each call waits until the test
 * answers it, so the order of the interleaved updates is the test's.
 */

interface Call {
  readonly channel: string;
  readonly payload: unknown;
  answer(value: unknown): void;
}

let calls: Call[] = [];

beforeEach(() => {
  calls = [];
  setApiClient(
    createApiClient({
      kind: 'electron',
      invoke: (channel, payload) =>
        new Promise((resolve) => {
          calls.push({ channel, payload, answer: (value) => resolve({ ok: true, value }) });
        }),
      on: () => () => undefined,
    }),
  );
});
afterEach(() => {
  cleanup();
  setApiClient(undefined);
  resetStore();
});

const ref = (name: string, n: number): FileRef => ({
  handle: `fh_${String(n).repeat(22)}`,
  name,
  size: 1000,
});
const TUMOUR = ref('tumour.vcf.gz', 1);
const BLOOD = ref('blood.vcf.gz', 2);
const OTHER = ref('other-blood.vcf.gz', 3);

const inspection = (
  name: string,
  samples: string[],
  somatic?: CaseInspection['vcf']['somatic'],
): CaseInspection => ({
  vcf: {
    name,
    size: 1000,
    container: 'bgzf',
    version: '4.2',
    samples,
    assembly: { name: 'GRCh38', evidence: 'contig lengths' },
    annotations: [],
    frequencyFields: [],
    problems: [],
    ...(somatic === undefined ? {} : { somatic }),
  },
  links: [],
  proband: null,
  mismatches: [],
});

/** Answers the oldest unanswered call on `channel` (the newest with `newest`). */
async function answer(channel: string, value: unknown, newest = false): Promise<void> {
  const on = calls.filter((c) => c.channel === channel);
  const call = newest ? on.at(-1) : on[0];
  expect(call, `a call on ${channel}`).toBeDefined();
  calls = calls.filter((c) => c !== call);
  await act(async () => {
    call?.answer(value);
    await Promise.resolve();
  });
}

const byId = (id: string): HTMLElement => screen.getByTestId(id);
const valueOf = (id: string): string => (byId(id) as HTMLInputElement | HTMLSelectElement).value;
const change = (id: string, value: string): void => {
  fireEvent.change(byId(id), { target: { value } });
};

/** The dialog with the tumour-normal VCF chosen and inspected: its cancer fields are shown. */
async function withTumourVcf(): Promise<void> {
  render(<NewCaseDialog open={false} onClose={() => undefined} />);
  fireEvent.click(byId('new-case-vcf-pick'));
  await answer('case:pickFile', { file: TUMOUR });
  await answer(
    'case:inspect',
    inspection(TUMOUR.name, ['NORMAL', 'TUMOR'], {
      caller: 'mutect2',
      tumour: 'TUMOR',
      normal: 'NORMAL',
    }),
  );
  expect(valueOf('new-case-tumour')).toBe('TUMOR');
}

describe('issue 19: New case keeps every field changed while a file is read', () => {
  it('issue 19: the tumour type chosen while the germline VCF is read stays, and the germline file arrives', async () => {
    await withTumourVcf();
    fireEvent.click(byId('new-case-germline-vcf-pick'));
    await answer('case:pickFile', { file: BLOOD });
    // Main reads the germline file's header; meanwhile the person fills in the cancer fields.
    change('new-case-tumour-type', 'LUAD');
    change('new-case-purity', '60');
    await answer('case:inspect', inspection(BLOOD.name, ['BLOOD']));
    expect(byId('new-case-germline-summary').textContent).toContain('blood.vcf.gz');
    expect(valueOf('new-case-germline-sample')).toBe('BLOOD');
    expect(valueOf('new-case-tumour-type')).toBe('LUAD');
    expect(valueOf('new-case-purity')).toBe('60');
  });

  it('issue 19: a germline VCF read after the case became germline, or after a newer pick, is dropped', async () => {
    await withTumourVcf();
    fireEvent.click(byId('new-case-germline-vcf-pick'));
    await answer('case:pickFile', { file: BLOOD });
    fireEvent.click(byId('new-case-germline-vcf-pick'));
    await answer('case:pickFile', { file: OTHER });
    // The second pick answers first; the first one's late answer must not replace it.
    await answer('case:inspect', inspection(OTHER.name, ['OTHER']), true);
    await answer('case:inspect', inspection(BLOOD.name, ['BLOOD']));
    expect(byId('new-case-germline-summary').textContent).toContain('other-blood.vcf.gz');

    fireEvent.click(byId('new-case-germline-remove'));
    fireEvent.click(byId('new-case-germline-vcf-pick'));
    await answer('case:pickFile', { file: BLOOD });
    change('new-case-kind', 'germline');
    await answer('case:inspect', inspection(BLOOD.name, ['BLOOD']));
    expect(screen.queryByTestId('new-case-cancer')).toBeNull();
  });

  it('issue 19: the patient id typed while the tumour VCF is chosen stays when the file arrives', async () => {
    render(<NewCaseDialog open={false} onClose={() => undefined} />);
    fireEvent.click(byId('new-case-vcf-pick'));
    change('new-case-patient', 'P-042');
    change('new-case-note', 'second opinion');
    await answer('case:pickFile', { file: TUMOUR });
    change('new-case-id', 'CA-42');
    await answer(
      'case:inspect',
      inspection(TUMOUR.name, ['NORMAL', 'TUMOR'], {
        caller: 'mutect2',
        tumour: 'TUMOR',
        normal: 'NORMAL',
      }),
    );
    expect(valueOf('new-case-patient')).toBe('P-042');
    expect(valueOf('new-case-note')).toBe('second opinion');
    expect(valueOf('new-case-id')).toBe('CA-42');
    expect(valueOf('new-case-tumour')).toBe('TUMOR');
  });
});

// Issue 16: Import stayed greyed out with no word when the patient id or the VCF was missing; a
// keyboard user cannot even focus a disabled button to ask. The dialog says what is still needed.
describe('issue 16: New case says what Import still needs', () => {
  it('names the patient id and the VCF until each is given', async () => {
    render(<NewCaseDialog open={false} onClose={() => undefined} />);
    expect(byId('new-case-needed').textContent).toBe(
      "To import, give the patient id. To import, choose the patient's VCF.",
    );
    expect(byId('new-case-import').getAttribute('aria-describedby')).toBe('new-case-needed');
    change('new-case-patient', 'P-1');
    expect(byId('new-case-needed').textContent).toBe("To import, choose the patient's VCF.");
    fireEvent.click(byId('new-case-vcf-pick'));
    await answer('case:pickFile', { file: BLOOD });
    await answer('case:inspect', inspection(BLOOD.name, ['BLOOD']));
    expect(screen.queryByTestId('new-case-needed')).toBeNull();
    expect(byId('new-case-import').hasAttribute('aria-describedby')).toBe(false);
    expect((byId('new-case-import') as HTMLButtonElement).disabled).toBe(false);
  });
});

// Issue 16 (DATA-02): in browser mode a chosen VCF is uploaded and spooled in main; a dialog
// given up, or a VCF replaced by another, left that copy until its handle expired (4 h).
describe('issue 16: New case releases the files it no longer needs', () => {
  it('releases a replaced VCF, and the chosen one when the dialog is cancelled', async () => {
    render(<NewCaseDialog open={false} onClose={() => undefined} />);
    fireEvent.click(byId('new-case-vcf-pick'));
    await answer('case:pickFile', { file: BLOOD });
    await answer('case:inspect', inspection(BLOOD.name, ['BLOOD']));
    fireEvent.click(byId('new-case-vcf-pick'));
    await answer('case:pickFile', { file: OTHER });
    expect(calls.filter((c) => c.channel === 'case:releaseFile').map((c) => c.payload)).toEqual([
      { handle: BLOOD.handle },
    ]);
    await answer('case:inspect', inspection(OTHER.name, ['OTHER']));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel', hidden: true }));
    expect(calls.filter((c) => c.channel === 'case:releaseFile').map((c) => c.payload)).toEqual([
      { handle: BLOOD.handle },
      { handle: OTHER.handle },
    ]);
  });
});

// Decision 0106: a Phenopacket whose subject id held a terminal escape filled the patient id, and
// Import was then refused as an invalid request ("patientId"), with no word of the file.
describe('decision 0106: a Phenopacket subject id with control characters', () => {
  it('is not filled in as the patient id; the file says why at its line, and Import asks for the id', async () => {
    render(<NewCaseDialog open={false} onClose={() => undefined} />);
    fireEvent.click(byId('new-case-vcf-pick'));
    await answer('case:pickFile', { file: BLOOD });
    await answer('case:inspect', inspection(BLOOD.name, ['BLOOD']));
    const json =
      '{\n  "subject": { "id": "P-7\\u001b[31m", "sex": "FEMALE" },\n  "phenotypicFeatures": [ { "type": { "id": "HP:0001250" } } ]\n}';
    await act(async () => {
      fireEvent.change(byId('new-case-phenopacket'), {
        target: { files: [new File([json], 'esc.json', { type: 'application/json' })] },
      });
      await new Promise((r) => setTimeout(r, 0));
    });
    await answer('case:inspect', inspection(BLOOD.name, ['BLOOD']));
    expect(valueOf('new-case-patient')).toBe('');
    expect(byId('new-case-phenopacket-problems').textContent).toContain(
      'esc.json line 2: subject.id holds a control character (U+001B at character 4',
    );
    expect(byId('new-case-needed').textContent).toBe('To import, give the patient id.');
    expect((byId('new-case-import') as HTMLButtonElement).disabled).toBe(true);
    expect(calls.some((c) => c.channel === 'case:import')).toBe(false);
  });
});
