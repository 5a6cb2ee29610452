/**
 * Characters a preset name may not hold (issue 16): C0/C1 controls, format characters (the
 * bidirectional embeddings, overrides and isolates U+202A–202E and U+2066–2069, the marks U+200E,
 * U+200F, U+061C, zero-width spaces and joiners, U+FEFF) and the line and paragraph separators. A
 * name is shown in lists, menus and shared files: an override would show it reversed, an
 * invisible character would make two names that look the same. Refused where presets are saved or
 * imported, never silently removed: the person sees the name they gave or were given.
 */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

/** The first hidden character of `name`: its code point (`U+202E`) and 1-based character number. */
export function presetNameHidden(name: string): { codePoint: string; at: number } | undefined {
  let at = 0;
  for (const ch of name) {
    at += 1;
    if (HIDDEN.test(ch))
      return {
        codePoint: `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`,
        at,
      };
  }
  return undefined;
}
