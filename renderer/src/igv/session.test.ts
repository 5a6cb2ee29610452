import { describe, expect, it } from 'vitest';
import { sessionFromJson, sessionToJson } from './session';

describe('browser session (issue 8)', () => {
  it('round-trips locus, tracks and colours', () => {
    const session = {
      locus: 'chr17:43044295-43125364',
      colorBy: 'clinSig' as const,
      tracks: [
        { id: 'cohort', kind: 'cohort' as const, name: 'Cohort variants' },
        {
          id: 'panel-cancer',
          kind: 'panel' as const,
          name: 'Cancer predisposition',
          source: 'cancer',
        },
        { id: 'vcf-1', kind: 'patientVcf' as const, name: 'patient.vcf', source: 'patient.vcf' },
      ],
    };
    const back = sessionFromJson(sessionToJson(session));
    expect(back).toEqual({
      ok: true,
      session: { app: 'cohort-desk-browser', version: 1, genome: 'GRCh38', ...session },
    });
  });

  it('refuses other JSON and non-JSON with a reason', () => {
    expect(sessionFromJson('{')).toEqual({
      ok: false,
      message: expect.stringContaining('not JSON') as unknown,
      said: { key: 'sessionNotJson' },
    });
    const other = sessionFromJson(JSON.stringify({ app: 'cohort-desk-browser', version: 2 }));
    expect(other.ok).toBe(false);
    expect(other.ok ? '' : other.message).toContain('version');
    // Issue 22: the reader is told the field in their language; zod's English stays in `message`.
    expect(other.ok ? undefined : other.said).toEqual({
      key: 'sessionInvalid',
      params: { field: 'version' },
    });
  });
});
