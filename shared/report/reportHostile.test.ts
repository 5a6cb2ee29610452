import { describe, expect, it } from 'vitest';
import { reportHtml } from './reportHtml';
import { reportFixture } from './testing/reportFixture';

// Issue 18 (decision 0046): the report is shown inside the app (report preview), so text that a
// person or a federation node wrote must reach it as text. Attack test: every field that carries
// such text holds markup, and the report holds none of it as markup.

const SCRIPT = '<script>parent.document.title="pwned"</script>';
const IMG = '<img src=x onerror="top.location=\'https://evil.example\'">';
const HOSTILE = `${SCRIPT}${IMG}`;

describe('issue 18: hostile text in the report (preview attack test)', () => {
  it('issue 18: a node’s answer, a note, a criterion, the diagnosis and the sign-off carrying markup are escaped', () => {
    const base = reportFixture();
    const [first, ...rest] = base.work.variants;
    if (first === undefined) throw new Error('the fixture has no variant');
    const html = reportHtml(
      reportFixture({
        patientId: HOSTILE,
        work: {
          ...base.work,
          notes: [{ at: '2026-12-06T10:00:00Z', by: 'dr.lee', text: HOSTILE }],
          diagnosis: { id: 'OMIM:607208', label: HOSTILE },
          variants: [
            {
              ...first,
              sheet: {
                ...first.sheet,
                criteria: first.sheet.criteria.map((c) => ({ ...c, reason: HOSTILE, source: IMG })),
              },
            },
            ...rest,
          ],
          signOff: base.work.signOff === null ? null : { ...base.work.signOff, statement: HOSTILE },
        },
        federated: [
          {
            variantKey: first.variant.variantKey,
            node: `Evil node ${SCRIPT}`,
            dataset: IMG,
            granularity: 'count',
            exists: true,
            count: 3,
            at: '2026-12-06T10:00:00Z',
            individuals: { min: 100, max: 100 },
          },
        ],
      }),
    );
    // No element but the template's own: no script, image, frame, link, handler or style attribute.
    expect(html).not.toMatch(/<(script|img|iframe|object|embed|svg|a|link|base|form)\b/i);
    // Attribute names of every start tag, read with quoted values skipped (a value may hold the
    // escaped text " onerror=" as data, e.g. data-dataset): none is an event handler.
    const attributeNames = [
      ...html.matchAll(/<[a-zA-Z][\w-]*((?:\s+[\w:-]+(?:="[^"]*")?)*)\s*\/?>/g),
    ]
      .flatMap((m) =>
        [...(m[1] ?? '').matchAll(/\s([\w:-]+)(?:="[^"]*")?/g)].map((a) => a[1] ?? ''),
      )
      .filter((name) => name !== '');
    expect(attributeNames.length).toBeGreaterThan(10);
    expect(attributeNames.filter((name) => /^on/i.test(name))).toEqual([]);
    // Every '<' starts one of those tags, an end tag or the doctype: no markup hides in between.
    const lts = html.split('<').length - 1;
    const tags = html.match(
      /<(?:[a-zA-Z][\w-]*(?:\s+[\w:-]+(?:="[^"]*")?)*\s*\/?|\/[a-zA-Z][\w-]*|!doctype html)>/g,
    );
    expect(tags?.length).toBe(lts);
    // The hostile text is shown, as text, where it was written.
    expect(html).toContain('&lt;script&gt;parent.document.title=&quot;pwned&quot;&lt;/script&gt;');
    expect(html).toContain(
      '&lt;img src=x onerror=&quot;top.location=&#39;https://evil.example&#39;&quot;&gt;',
    );
    expect(html).toContain(`<td>Evil node &lt;script&gt;`);
  });
});
