/**
 * The pseudo-locale (issue 22): every English string accented, about 40 % longer and bracketed,
 * generated from en.json whenever it is asked for (never committed as a language). A page shown in
 * it makes hard-coded English (text without brackets) and layouts that clip longer languages
 * visible to a test.
 */
export const PSEUDO_LOCALE = 'en-XA';
export const PSEUDO_OPEN = '⟦';
export const PSEUDO_CLOSE = '⟧';
/**
 * Around every interpolated value: what a sentence was given (a name, an id, another program's
 * message) stays visible to the text checker inside the sentence's brackets, so English handed
 * to a translated sentence as a value is found too (decision 0071).
 */
export const PSEUDO_VALUE_OPEN = '⁅';
export const PSEUDO_VALUE_CLOSE = '⁆';

const ACCENTED: Record<string, string> = {
  a: 'á',
  b: 'ƀ',
  c: 'ç',
  d: 'ð',
  e: 'é',
  f: 'ƒ',
  g: 'ĝ',
  h: 'ĥ',
  i: 'í',
  j: 'ĵ',
  k: 'ķ',
  l: 'ļ',
  m: 'ɱ',
  n: 'ñ',
  o: 'ö',
  p: 'þ',
  q: 'ǫ',
  r: 'ŕ',
  s: 'š',
  t: 'ţ',
  u: 'ü',
  v: 'ṽ',
  w: 'ŵ',
  x: 'ẋ',
  y: 'ý',
  z: 'ž',
  A: 'Å',
  B: 'Ɓ',
  C: 'Ç',
  D: 'Ð',
  E: 'É',
  F: 'Ƒ',
  G: 'Ĝ',
  H: 'Ĥ',
  I: 'Í',
  J: 'Ĵ',
  K: 'Ķ',
  L: 'Ļ',
  M: 'Ṁ',
  N: 'Ñ',
  O: 'Ö',
  P: 'Þ',
  Q: 'Ǫ',
  R: 'Ŕ',
  S: 'Š',
  T: 'Ţ',
  U: 'Ü',
  V: 'Ṽ',
  W: 'Ŵ',
  X: 'Ẋ',
  Y: 'Ý',
  Z: 'Ž',
};

/** Placeholders and nestings stay as they are so interpolation still works. */
const KEEP = /(\{\{[^}]+\}\}|\$t\([^)]*\))/;

/** One string in the pseudo-locale: accented, padded to 1.4× its length, bracketed. */
export function pseudoString(s: string): string {
  const parts = s.split(KEEP);
  const accented = parts
    .map((p, i) =>
      i % 2 === 0
        ? p.replace(/[A-Za-z]/g, (c) => ACCENTED[c] ?? c)
        : p.startsWith('{{')
          ? `${PSEUDO_VALUE_OPEN}${p}${PSEUDO_VALUE_CLOSE}`
          : p,
    )
    .join('');
  const visible = parts.filter((_p, i) => i % 2 === 0).join('').length;
  // Padding in short words so it wraps like text; the brackets count towards the 40 %.
  const extra = Math.max(0, Math.ceil(visible * 0.4) - 2);
  const words: string[] = [];
  for (let n = extra; n > 0; n -= 5) words.push('ẋẋẋẋẋ'.slice(0, Math.min(4, n)));
  const pad = words.length === 0 ? '' : ` ${words.join(' ')}`;
  return `${PSEUDO_OPEN}${accented}${pad}${PSEUDO_CLOSE}`;
}

type Tree = { [key: string]: string | Tree };

/** The whole resource tree in the pseudo-locale, same keys. */
export function pseudoLocalize(tree: Tree): Tree {
  return Object.fromEntries(
    Object.entries(tree).map(([k, v]) => [
      k,
      typeof v === 'string' ? pseudoString(v) : pseudoLocalize(v),
    ]),
  );
}
