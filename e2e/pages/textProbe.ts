/**
 * The in-page half of the text checker (issue 22, decision 0049). Runs inside the page through
 * page.evaluate, so it is one self-contained function: no imports, no outer variables.
 */

/** What the probe is told: the rules' parameters, as plain serialisable values. */
export interface ProbeArgs {
  /** Pseudo-locale run: every visible string must come bracketed from the translation files. */
  readonly pseudo: boolean;
  readonly open: string;
  readonly close: string;
  /** Around a value a translated sentence was given: checked for runs of English words. */
  readonly valueOpen: string;
  readonly valueClose: string;
  /** Subtrees whose text is not the app's wording (data, third-party widgets): CSS selectors. */
  readonly skip: readonly string[];
  /** Words that may appear unbracketed (codes, ids, symbols), as regular-expression sources. */
  readonly tokens: readonly string[];
  /** Subtrees known to hold English still (a to-do list, not exceptions): English is not checked. */
  readonly pending: readonly string[];
  /** Exact strings the test typed or the federation named (patient ids, file names, nodes). */
  readonly allowText: readonly string[];
  /**
   * Subtrees whose interpolated values are not checked for English runs: data the app shows as
   * its source wrote it, or values still to be coded (each named with its reason in the spec).
   */
  readonly valuesNotChecked: readonly string[];
  /** The attribute every offending element is marked with, for the failure screenshot. */
  readonly mark: string;
}

/** One problem the probe found. */
export interface TextFinding {
  readonly kind: 'english' | 'clipped' | 'overlap';
  readonly where: string;
  readonly text: string;
  readonly detail: string;
}

/** Walks the page once and returns every unbracketed English word and every clipped text. */
export function probeText(args: ProbeArgs): TextFinding[] {
  const findings: TextFinding[] = [];
  const tokenRes = args.tokens.map((t) => new RegExp(t));
  const where = (el: Element): string => {
    const parts: string[] = [];
    for (let e: Element | null = el; e !== null && parts.length < 4; e = e.parentElement) {
      const id = e.getAttribute('data-testid');
      parts.unshift(id === null ? e.tagName.toLowerCase() : `${e.tagName.toLowerCase()}[${id}]`);
      if (id !== null) break;
    }
    return parts.join(' > ');
  };
  const report = (el: Element, f: Omit<TextFinding, 'where'>): void => {
    el.setAttribute(args.mark, '');
    findings.push({ ...f, where: where(el), text: f.text.trim().slice(0, 120) });
  };
  const skipped = (el: Element): boolean => args.skip.some((s) => el.closest(s) !== null);
  // Text marked as another language (a language's own name in the language menu) is not wording.
  const otherLanguage = (el: Element): boolean => {
    const own = el.closest('[lang]');
    return own !== null && own.getAttribute('lang') !== document.documentElement.lang;
  };
  const valuesChecked = (el: Element): boolean =>
    !args.valuesNotChecked.some((sel) => el.closest(sel) !== null);
  const notWording = (el: Element): boolean =>
    otherLanguage(el) || args.pending.some((s) => el.closest(s) !== null);
  // A 1px box is the visually-hidden pattern: read by screen readers, never clipped for the eye.
  const tiny = (el: Element): boolean => {
    for (let e: Element | null = el; e !== null; e = e.parentElement) {
      const r = e.getBoundingClientRect();
      if (r.width <= 1 || r.height <= 1) return getComputedStyle(e).position === 'absolute';
    }
    return false;
  };
  const shown = (el: Element): boolean => {
    const host = el.closest('select') ?? el;
    return host.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
  };

  const isEnglish = (w: string): boolean => /[a-z]{2}/.test(w) && !tokenRes.some((r) => r.test(w));
  const wordsOf = (s: string): string[] => {
    let rest = s;
    for (const a of args.allowText) rest = rest.split(a).join(' ');
    rest = rest.replace(/\bhttps?:\/\/\S+/g, ' ');
    // A code in parentheses beside the words that translate it is the code kept (decision 0048:
    // "Missense-Variante (missense_variant)"); a bare SO term in place of words is still English.
    rest = rest.replace(
      /\((?:[A-Za-z0-9]+_)+[A-Za-z0-9]+(?:&(?:[A-Za-z0-9]+_)+[A-Za-z0-9]+)*\)/g,
      ' ',
    );
    // A path or an address is data (a folder, a file, a URL), whatever words it holds.
    rest = rest.replace(/\S*[/\\]\S*/g, ' ');
    return rest.split(/[\s,;:()[\]{}"'“”‘’«»·•|/=<>≥≤+×–—…!?]+/).filter((w) => w !== '');
  };
  // Text outside the brackets must have no English word. A value a translated sentence was given
  // (between the value marks, outside any nested sentence's brackets) is data: a name or an id
  // may be one English-looking word, but a run of two or more is a sentence (decision 0071).
  const english = (s: string, checkValues = true): string[] => {
    const stack: string[] = [];
    let rest = '';
    const values: string[] = [];
    let value = '';
    for (const ch of s) {
      const top = stack[stack.length - 1];
      const mark = [args.open, args.close, args.valueOpen, args.valueClose].includes(ch);
      // Every mark ends a word: two values side by side are two words, not one.
      if (mark && stack.includes(args.valueOpen)) value += ' ';
      if (ch === args.open || ch === args.valueOpen) {
        stack.push(ch);
        continue;
      }
      if (ch === args.close || ch === args.valueClose) {
        stack.pop();
        if (ch === args.valueClose && stack.every((c) => c !== args.valueOpen)) {
          values.push(value);
          value = '';
        }
        continue;
      }
      if (top === undefined) rest += ch;
      else if (top === args.valueOpen) value += ch;
      else rest += ' ';
    }
    const found = wordsOf(rest).filter(isEnglish);
    for (const v of checkValues ? values : []) {
      let run: string[] = [];
      for (const w of [...wordsOf(v), '']) {
        if (w !== '' && isEnglish(w)) run.push(w);
        else {
          if (run.length >= 2) found.push(`“${run.join(' ')}”`);
          run = [];
        }
      }
    }
    return found;
  };

  // Text nodes, grouped by the block they flow in, so a sentence split by inline markup is one string.
  const blockOf = (el: Element): Element => {
    if (el.closest('svg') !== null) return el.closest('text') ?? el;
    if (el.closest('option') !== null) return el.closest('option') ?? el;
    for (let e: Element | null = el; e !== null; e = e.parentElement)
      if (getComputedStyle(e).display !== 'inline') return e;
    return el;
  };
  const blocks = new Map<Element, string>();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
    const parent = n.parentElement;
    const text = n.textContent ?? '';
    if (parent === null || text.trim() === '') continue;
    if (parent.closest('script, style, noscript, template') !== null) continue;
    if (!shown(parent) || skipped(parent)) continue;
    const block = blockOf(parent);
    blocks.set(block, (blocks.get(block) ?? '') + text);
  }

  if (args.pseudo) {
    for (const [block, text] of blocks) {
      const words = notWording(block) ? [] : english(text, valuesChecked(block));
      if (words.length > 0)
        report(block, { kind: 'english', text, detail: `unbracketed: ${words.join(' ')}` });
    }
    const ATTRS = [
      'aria-label',
      'title',
      'placeholder',
      'alt',
      'aria-description',
      'aria-valuetext',
    ];
    for (const el of document.body.querySelectorAll('*')) {
      if (!shown(el) || skipped(el) || notWording(el)) continue;
      const attrs = [...ATTRS];
      if (el.matches('input[type=button], input[type=submit], input[type=reset]'))
        attrs.push('value');
      for (const a of attrs) {
        const v = el.getAttribute(a);
        if (v === null || v.trim() === '') continue;
        const words = english(v, valuesChecked(el));
        if (words.length > 0)
          report(el, { kind: 'english', text: v, detail: `${a} unbracketed: ${words.join(' ')}` });
      }
    }
  }

  // Clipping: text that does not fit its own box, or is cut by a clipping ancestor.
  const canvas = document.createElement('canvas').getContext('2d');
  const textWidth = (s: string, style: CSSStyleDeclaration): number => {
    if (canvas === null) return 0;
    canvas.font = style.font;
    return canvas.measureText(s).width;
  };
  const clips = (v: string): boolean => v === 'hidden' || v === 'clip';
  const controls = 'button, select, input, textarea, a[href], [role="tab"], [role="button"], label';
  const candidates = new Set<Element>([...blocks.keys()].filter((b) => !b.matches('option')));
  for (const c of document.body.querySelectorAll(controls)) if (shown(c)) candidates.add(c);
  for (const el of candidates) {
    if (skipped(el) || el.closest('svg') !== null || tiny(el)) continue;
    const cs = getComputedStyle(el);
    const label = el.textContent.trim();
    if (el instanceof HTMLSelectElement || el instanceof HTMLInputElement) {
      const s =
        el instanceof HTMLSelectElement
          ? (el.selectedOptions[0]?.textContent ?? '')
          : el.value === '' || el.type === 'password'
            ? el.placeholder
            : '';
      // Chromium keeps about 20px of a select's box for its arrow.
      const room =
        el.clientWidth -
        parseFloat(cs.paddingLeft) -
        parseFloat(cs.paddingRight) -
        (el instanceof HTMLSelectElement ? 20 : 0);
      if (s !== '' && el.type !== 'checkbox' && el.type !== 'radio' && textWidth(s, cs) > room + 1)
        report(el, {
          kind: 'clipped',
          text: s,
          detail: `needs ${Math.ceil(textWidth(s, cs))}px, has ${room}px`,
        });
      continue;
    }
    if (label === '') continue;
    const overX = el.scrollWidth > el.clientWidth + 1;
    const overY = el.scrollHeight > el.clientHeight + 1;
    if (
      (overX &&
        (clips(cs.overflowX) || cs.textOverflow === 'ellipsis' || cs.overflowX === 'visible')) ||
      (overY && clips(cs.overflowY))
    ) {
      // A scroll box (auto/scroll) lets the reader reach its text; only hidden, clip and visible
      // spill count. An ellipsis is allowed where a title holds the full text.
      const tooltip = el.closest('[title]')?.getAttribute('title') ?? '';
      if (!(cs.textOverflow === 'ellipsis' && tooltip.includes(label)))
        report(el, {
          kind: 'clipped',
          text: label,
          detail: `content ${el.scrollWidth}×${el.scrollHeight}px in a ${el.clientWidth}×${el.clientHeight}px box (overflow ${cs.overflowX}/${cs.overflowY}${cs.textOverflow === 'ellipsis' ? ', ellipsis' : ''})`,
        });
      continue;
    }
    const r = el.getBoundingClientRect();
    for (let a = el.parentElement; a !== null && a !== document.body; a = a.parentElement) {
      const as = getComputedStyle(a);
      if (!clips(as.overflowX) && !clips(as.overflowY)) continue;
      const ar = a.getBoundingClientRect();
      const cutX = clips(as.overflowX) && (r.right > ar.right + 1 || r.left < ar.left - 1);
      const cutY = clips(as.overflowY) && (r.bottom > ar.bottom + 1 || r.top < ar.top - 1);
      if (cutX || cutY) report(el, { kind: 'clipped', text: label, detail: `cut by ${where(a)}` });
      break;
    }
  }

  // Overlap: sibling controls whose boxes intersect (a longer label pushed one onto the other).
  const seen = new Set<Element>();
  for (const c of document.body.querySelectorAll(controls)) {
    const parent = c.parentElement;
    if (parent === null || seen.has(parent) || !shown(c) || skipped(c)) continue;
    seen.add(parent);
    const kids = [...parent.children].filter((k) => k.matches(controls) && shown(k) && !tiny(k));
    for (let i = 0; i < kids.length; i += 1)
      for (let j = i + 1; j < kids.length; j += 1) {
        const a = kids[i]!.getBoundingClientRect();
        const b = kids[j]!.getBoundingClientRect();
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > 1 && h > 1)
          report(kids[j]!, {
            kind: 'overlap',
            text: kids[j]!.textContent.trim(),
            detail: `overlaps ${where(kids[i]!)} by ${Math.round(w)}×${Math.round(h)}px`,
          });
      }
  }
  return findings;
}
