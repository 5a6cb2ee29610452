import type { DuplicateKey } from '../../../shared/json/duplicateKey';
import { jsonPathText } from '../../../shared/json/duplicateKey';

// A `<dict>` of an XML property list that names a `<key>` twice (decision 0106). Property-list
// readers keep one of the two without a word (the plist package and CoreFoundation keep the last),
// so a configuration profile's managed preferences with two AllowedBeaconHosts would decide by
// position which hosts the app contacts: refused whole, as decision 0100 refuses a JSON policy file.

type Frame = { keys: Set<string>; key: string | undefined; seg: string | number | undefined };
type ArrayFrame = { index: number; seg: string | number | undefined };

const TOKEN =
  /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<![^>]*>|<(\/?)([A-Za-z][\w.-]*)[^>]*?(\/?)>/g;

const ENTITIES: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

/** A key's text as the XML means it: the five entities and character references decoded. */
const decode = (s: string): string =>
  s.replace(/&(#x[0-9A-Fa-f]+|#\d+|[a-z]+);/g, (all, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? all;
  });

/**
 * The first key a dict of the XML property list `xml` names twice, with its line and column (from
 * 1, of the `<key>`'s `<`) and its path from the root as the JSON check writes it
 * (`AllowedNodes`, `Nodes[0].BeaconUrl`). Call it on text the plist parser accepted.
 */
export function firstPlistDuplicateKey(xml: string): DuplicateKey | undefined {
  const stack: (Frame | ArrayFrame)[] = [];
  const segs = (): (string | number)[] =>
    stack.flatMap((f) => (f.seg === undefined ? [] : [f.seg]));
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(xml); m !== null; m = TOKEN.exec(xml)) {
    const [, closing, name, selfClosing] = m;
    if (name === undefined || name === 'plist') continue;
    if (closing === '/') {
      if (name === 'dict' || name === 'array') stack.pop();
      continue;
    }
    const top = stack.at(-1);
    if (name === 'key') {
      if (top === undefined || !('keys' in top) || selfClosing === '/') continue;
      const end = xml.indexOf('</key>', TOKEN.lastIndex);
      const key = decode(xml.slice(TOKEN.lastIndex, end < 0 ? xml.length : end));
      if (top.keys.has(key)) {
        const before = xml.slice(0, m.index).split('\n');
        return {
          key,
          path: jsonPathText([...segs(), key]),
          line: before.length,
          column: (before.at(-1)?.length ?? 0) + 1,
        };
      }
      top.keys.add(key);
      top.key = key;
      if (end >= 0) TOKEN.lastIndex = end + '</key>'.length;
      continue;
    }
    // A value: the dict's last key names it, an array counts it.
    let seg: string | number | undefined;
    if (top !== undefined && 'keys' in top) seg = top.key;
    else if (top !== undefined) seg = top.index++;
    if (selfClosing === '/') continue;
    if (name === 'dict') stack.push({ keys: new Set(), key: undefined, seg });
    else if (name === 'array') stack.push({ index: 0, seg });
  }
  return undefined;
}
