import { cleanup, render, screen } from '@testing-library/react';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { AuditList, AuditVerdict } from '../../../shared/audit/auditLog';
import { AUDIT_BREAK_REASONS } from '../../../shared/audit/auditLog';
import { AuditVerdictBanner } from '../features/settings/AuditVerdictBanner';
import { auditBreakText, noticeParams } from './auditBreakText';
import i18n, { setLanguage } from '.';

// Issue 22, decision 0063: the audit chain check's breaks and a node that did not list its
// datasets are codes and numbers main sends beside its English; the renderer words them.

afterEach(cleanup);
afterAll(async () => {
  await setLanguage('en');
});

type Broken = Extract<AuditVerdict, { ok: false }>;
const broken = (v: Pick<Broken, 'line' | 'reason' | 'message' | 'detail'>): Broken => ({
  ok: false,
  entries: 3,
  sealedThrough: 0,
  keyChecked: true,
  ...v,
});
// As verifyChain sends them (auditAttacks.test.ts checks main's side).
const truncated = broken({
  line: 4,
  reason: 'truncated',
  message: 'The log ends at line 3, but Cohort Desk last wrote entry 5: lines 4–5 were removed.',
  detail: { to: 5, entry: 5 },
});
const edited = broken({
  line: 1200,
  reason: 'hash-mismatch',
  message: 'Line 1200 was changed after it was written: its content no longer matches its hash.',
});
const gap = broken({
  line: 7,
  reason: 'sequence-gap',
  message: 'Line 7 is entry 9, not 7.',
  detail: { entry: 9, expected: 7 },
});

describe('issue 22: the audit chain check in the user’s language', () => {
  it('issue 22: breaks worded in German, Finnish and French; English as main wrote it', async () => {
    await setLanguage('de');
    expect(auditBreakText(i18n.t, truncated)).toBe(
      'Das Protokoll endet bei Zeile 3, aber Cohort Desk schrieb zuletzt Eintrag 5: Die Zeilen 4–5 wurden entfernt.',
    );
    // Line numbers are ids: never grouped (1200, not 1.200).
    expect(auditBreakText(i18n.t, edited)).toBe(
      'Zeile 1200 wurde nach dem Schreiben geändert: Ihr Inhalt passt nicht mehr zu ihrem Hash.',
    );
    await setLanguage('fi');
    expect(auditBreakText(i18n.t, gap)).toBe('Rivi 7 on merkintä 9, ei 7.');
    await setLanguage('fr');
    expect(
      auditBreakText(i18n.t, { ...truncated, detail: { to: 4, entry: 4, sealed: true } }),
    ).toBe(
      'Le journal s’arrête à la ligne 3, mais l’entrée 4 a été scellée : la ligne 4 a été supprimée.',
    );
    await setLanguage('en');
    for (const v of [truncated, edited, gap]) expect(auditBreakText(i18n.t, v)).toBe(v.message);
    // A verdict from an older main, without the numbers its words need: main's English.
    expect(auditBreakText(i18n.t, { ...gap, detail: undefined, message: 'older' })).toBe('older');
  });

  it('issue 22: the banner and the notice word the break, not main’s English', async () => {
    await setLanguage('de');
    const audit: AuditList = {
      verdict: edited,
      file: '/d/audit.jsonl',
      rows: [],
      matched: 0,
      total: 3,
      types: [],
      breaks: [],
    };
    render(<AuditVerdictBanner audit={audit} onShowLine={() => undefined} />);
    expect(screen.getByTestId('audit-break').textContent).toContain(
      'Zeile 1200 wurde nach dem Schreiben geändert',
    );
    const params = noticeParams(i18n.t, {
      id: 'audit-break:4:truncated',
      level: 'error',
      messageKey: 'notice.auditBreak',
      params: {
        message: truncated.message,
        file: '/d',
        reason: 'truncated',
        line: '4',
        to: '5',
        entry: '5',
      },
    });
    expect(params.message).toBe(
      'Das Protokoll endet bei Zeile 3, aber Cohort Desk schrieb zuletzt Eintrag 5: Die Zeilen 4–5 wurden entfernt.',
    );
    // Another notice's parameters are left as they are.
    const other = {
      id: 'x',
      level: 'info' as const,
      messageKey: 'notice.cacheLocation',
      params: { detail: 'd' },
    };
    expect(noticeParams(i18n.t, other)).toEqual({ detail: 'd' });
  });
});

describe('issue 22: a node that did not list its datasets', () => {
  it('issue 22: worded from its code in German, Finnish and French', async () => {
    await setLanguage('de');
    expect(i18n.t('mainCoded.nodeList.http', { node: 'Sweden', http: '503' })).toBe(
      'Knoten Sweden hat seine Datensätze nicht aufgelistet (Antwort HTTP 503); seine Datensätze fehlen in dieser Liste.',
    );
    await setLanguage('fi');
    expect(i18n.t('mainCoded.nodeList.unreachable', { node: 'Sweden' })).toBe(
      'Solmua Sweden ei tavoitettu sen aineistoluetteloa varten; sen aineistot puuttuvat tästä luettelosta.',
    );
    await setLanguage('fr');
    expect(i18n.t('mainCoded.nodeList.timeout', { node: 'Sweden' })).toBe(
      'Le nœud Sweden n’a pas listé ses jeux de données à temps ; ses jeux de données manquent dans cette liste. Réessayez plus tard.',
    );
    await setLanguage('en');
  });
});

describe('issue 22: the breaks recorded in the log, their reasons in the reader’s language', () => {
  const recorded = (): AuditList => ({
    verdict: { ok: true, entries: 9, sealedThrough: 9, keyChecked: true },
    file: '/d/audit.jsonl',
    rows: [],
    matched: 0,
    total: 9,
    types: [],
    breaks: [
      { seq: 5, t: '2026-12-07T10:00:00Z', line: 3, reason: 'hash-mismatch' },
      { seq: 6, t: '2026-12-07T10:01:00Z', reason: 'recipient-key-replaced' },
      { seq: 7, t: '2026-12-07T10:02:00Z', reason: 'from-a-later-version' },
    ],
  });

  it('issue 22: every reason main records has words (decision 0077)', () => {
    const en = i18n.getResourceBundle('en', 'translation') as {
      audit: { verdict: { reason: Record<string, string> } };
    };
    expect(Object.keys(en.audit.verdict.reason).sort()).toEqual(
      [...AUDIT_BREAK_REASONS, 'recipient-key-replaced'].sort(),
    );
  });

  it('issue 22: German and Finnish words, not the code; an unknown code as recorded', async () => {
    await setLanguage('de');
    const { unmount } = render(
      <AuditVerdictBanner audit={recorded()} onShowLine={() => undefined} />,
    );
    const items = () =>
      [...screen.getByTestId('audit-recorded-breaks').querySelectorAll('li')].map(
        (li) => li.textContent,
      );
    expect(items()[0]).toMatch(/: Zeile 3 \(nach dem Schreiben geändert\)$/);
    expect(items()[1]).toMatch(/: ein Siegelschlüssel wurde ersetzt$/);
    expect(items()[2]).toMatch(/: from-a-later-version$/);
    unmount();
    await setLanguage('fi');
    render(<AuditVerdictBanner audit={recorded()} onShowLine={() => undefined} />);
    expect(items()[0]).toMatch(/muutettu kirjoittamisen jälkeen/);
    expect(items().join(' ')).not.toMatch(/hash-mismatch|recipient-key-replaced/);
  });
});
