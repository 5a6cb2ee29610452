// @vitest-environment jsdom
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CaseInspection } from '../../../../shared/cases/channels';
import { CASE_UPLOAD_PATH } from '../../../../shared/cases/channels';
import { createApiClient, setApiClient } from '../../api/client';
import '../../i18n';
import { resetStore } from '../../store';
import type { GermlineFileDraft } from './cancerDraft';
import { GermlineVcfField } from './GermlineVcfField';

/**
 * Issue 19: browser mode sends the germline VCF to main with the page's real XMLHttpRequest, as it
 * sends the tumour VCF: the field shows the bytes and time left, and the person can cancel it. A
 * loopback server here plays main's upload route (the page's origin), holding or answering.
 */

interface Upload {
  readonly name: string | null;
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  /** Resolves when the page dropped the request. */
  readonly closed: Promise<void>;
  readonly body: Promise<number>;
}

let server: Server;
let uploads: Upload[] = [];
let waiter: ((u: Upload) => void) | undefined;
/** The next request the page sends to the upload route. */
const next = (): Promise<Upload> =>
  new Promise((resolve) => {
    const waiting = uploads.shift();
    if (waiting !== undefined) resolve(waiting);
    else waiter = resolve;
  });

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // jsdom keeps the document's first origin after reconfigure: the page's requests here are
    // cross-origin for it, so this route answers its preflight (main's route is same-origin).
    const cors = {
      'Access-Control-Allow-Origin': String(req.headers.origin ?? '*'),
      'Access-Control-Allow-Methods': 'POST',
      'Access-Control-Allow-Headers': 'content-type',
    };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors).end();
      return;
    }
    if (url.pathname !== CASE_UPLOAD_PATH || req.method !== 'POST') {
      res.writeHead(404, cors).end();
      return;
    }
    for (const [k, v] of Object.entries(cors)) res.setHeader(k, v);
    const u: Upload = {
      name: url.searchParams.get('name'),
      req,
      res,
      closed: new Promise((resolve) => res.on('close', () => resolve())),
      body: new Promise((resolve) => {
        let n = 0;
        req.on('data', (c: Buffer) => (n += c.length));
        req.on('end', () => resolve(n));
      }),
    };
    const take = waiter;
    waiter = undefined;
    if (take === undefined) uploads.push(u);
    else take(u);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  // Vitest's jsdom environment exposes its JSDOM instance as `jsdom`.
  (globalThis as unknown as { jsdom: { reconfigure(o: { url: string }): void } }).jsdom.reconfigure(
    {
      url: `http://127.0.0.1:${String(port)}/`,
    },
  );
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

let inspected: string[] = [];
beforeEach(() => {
  uploads = [];
  inspected = [];
  setApiClient(
    createApiClient({
      kind: 'browser',
      invoke: (channel, payload) => {
        if (channel !== 'case:inspect') throw new Error(`unexpected ${channel}`);
        inspected.push((payload as { vcf: string }).vcf);
        return Promise.resolve({ ok: true, value: inspection() });
      },
      on: () => () => undefined,
    }),
  );
});
afterEach(() => {
  cleanup();
  setApiClient(undefined);
  resetStore();
});

const HANDLE = `fh_${'7'.repeat(22)}`;
const inspection = (): CaseInspection => ({
  vcf: {
    name: 'blood.vcf.gz',
    size: 4000,
    container: 'bgzf',
    version: '4.2',
    samples: ['P-019-BLOOD'],
    assembly: { name: 'GRCh38', evidence: 'contig lengths' },
    annotations: [],
    frequencyFields: [],
    problems: [],
  },
  links: [],
  proband: null,
  mismatches: [],
});

function Field() {
  let value: GermlineFileDraft | undefined;
  const view = render(<GermlineVcfField value={value} onChange={(g) => (value = g)} />);
  return {
    value: () => value,
    rerender: () => view.rerender(<GermlineVcfField value={value} onChange={(g) => (value = g)} />),
  };
}
const give = (bytes: number): void => {
  const input = screen.getByTestId('new-case-germline-vcf');
  const file = new File(['#'.repeat(bytes)], 'blood.vcf.gz', { type: 'application/gzip' });
  fireEvent.change(input, { target: { files: [file] } });
};

describe('issue 19: the germline VCF upload in browser mode', () => {
  it('issue 19: shows the bytes to send as the tumour VCF does, and Cancel drops the upload', async () => {
    Field();
    give(4000);
    const upload = await next();
    expect(upload.name).toBe('blood.vcf.gz');
    const status = await screen.findByTestId('new-case-germline-upload');
    expect(status.textContent).toContain('of 4 kB');
    expect(status.querySelector('progress')).not.toBeNull();
    expect(screen.queryByText('Reading the germline VCF…')).toBeNull();
    const cancel = screen.getByRole('button', { name: 'Cancel the upload' });
    await act(async () => {
      fireEvent.click(cancel);
      // The page really drops the request: main's route sees it closed (and removes its spool).
      await upload.closed;
    });
    expect(screen.queryByTestId('new-case-germline-upload')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Cancel the upload' })).toBeNull();
    expect(screen.queryByTestId('new-case-germline-problems')).toBeNull();
    expect(inspected).toEqual([]);
  });

  it('issue 19: once sent, main inspects the file and the upload line goes', async () => {
    const field = Field();
    give(2500);
    const upload = await next();
    expect(await screen.findByTestId('new-case-germline-upload')).toBeDefined();
    expect(await upload.body).toBe(2500);
    upload.res.writeHead(200, { 'Content-Type': 'application/json' });
    upload.res.end(JSON.stringify({ handle: HANDLE, name: 'blood.vcf.gz', size: 2500 }));
    await waitFor(() => expect(field.value()?.file.handle).toBe(HANDLE));
    expect(inspected).toEqual([HANDLE]);
    field.rerender();
    expect(screen.queryByTestId('new-case-germline-upload')).toBeNull();
    expect(screen.getByTestId('new-case-germline-summary').textContent).toContain('P-019-BLOOD');
  });

  it('issue 19: a file chosen again while the first is sent drops the first upload', async () => {
    Field();
    give(3000);
    const first = await next();
    give(1000);
    const second = await next();
    await first.closed;
    expect(second.name).toBe('blood.vcf.gz');
    expect((await screen.findByTestId('new-case-germline-upload')).textContent).toContain(
      'of 1 kB',
    );
  });
});
