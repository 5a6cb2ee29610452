// Tokenises one meta-information line (VCF §1.4): `##key=value` or `##key=<k=v,k="quoted",…>`.
import { cut, said, withValues } from './problems';
import type { Said } from './problems';

/** One field of a structured line, with how it was written (quoting matters to some rules). */
export interface MetaField {
  readonly key: string;
  readonly value: string;
  readonly quoted: boolean;
}

export type MetaParse =
  | { ok: true; key: string; value: string; fields: MetaField[] | undefined }
  | { ok: false; what: Said };

const WS = /\s/;

/**
 * Splits `##key=…` (the caller checked the `##`). Structured values are parsed strictly: every
 * field is key=value, quoted values end with an unescaped `"` (`\"` and `\\` are escapes),
 * bracketed values (`Values=[a, b]`, VCF 4.3 META) run to their `]`, and the line ends with `>`.
 */
export function parseMetaLine(text: string): MetaParse {
  const eq = text.indexOf('=');
  if (eq < 0) {
    return {
      ok: false,
      what: said(
        'meta-no-equals',
        'a meta-information line must be ##key=value; this one has no "="',
      ),
    };
  }
  const key = text.slice(2, eq);
  if (key === '' || WS.test(key)) {
    return {
      ok: false,
      what: said(
        'meta-key-invalid',
        `the meta-information key "${key}" is empty or has white space`,
        { key: cut(key) },
      ),
    };
  }
  const value = text.slice(eq + 1);
  if (value === '') {
    return {
      ok: false,
      what: said(
        'meta-empty-value',
        `##${key}= has an empty value; write a value or remove the line`,
        { key: cut(key) },
      ),
    };
  }
  if (!value.startsWith('<')) return { ok: true, key, value, fields: undefined };
  const fields = parseStructured(value);
  if (!Array.isArray(fields))
    return {
      ok: false,
      what: withValues(fields, `##${key}: ${fields.message}`, { key: cut(key) }),
    };
  return { ok: true, key, value, fields };
}

/** Parses `<k=v,…>`; returns the fields, or what is wrong. */
function parseStructured(value: string): MetaField[] | Said {
  if (!value.endsWith('>') || value.length < 2) {
    return said(
      'meta-not-closed',
      'a structured line must end with ">" (is a quote or the closing bracket missing?)',
    );
  }
  const fields: MetaField[] = [];
  let i = 1;
  const end = value.length - 1;
  if (i === end)
    return said(
      'meta-no-fields',
      'the structured line "<>" has no fields; at least ID=… is expected',
    );
  while (i < end) {
    const eq = value.indexOf('=', i);
    const comma = value.indexOf(',', i);
    if (eq < 0 || eq > end || (comma >= 0 && comma < eq)) {
      const piece = value.slice(i, comma >= 0 && comma < end ? comma : end);
      return said(
        'meta-not-field',
        `"${piece}" is not a key=value field (a comma inside a value must be quoted)`,
        { value: cut(piece) },
      );
    }
    const key = value.slice(i, eq);
    if (key === '' || /[\s"<>]/.test(key))
      return said('meta-field-name', `"${key}" is not a valid field name`, { field: cut(key) });
    i = eq + 1;
    let v: string;
    let quoted = false;
    if (value[i] === '"') {
      const r = readQuoted(value, i, end);
      if (!('text' in r)) return withValues(r, `${key}: ${r.message}`, { field: cut(key) });
      v = r.text;
      i = r.next;
      quoted = true;
    } else if (value[i] === '[') {
      const close = value.indexOf(']', i);
      if (close < 0 || close > end)
        return said('meta-list-not-closed', `${key}: the list "[" is not closed with "]"`, {
          field: cut(key),
        });
      v = value.slice(i, close + 1);
      i = close + 1;
    } else {
      let j = i;
      while (j < end && value[j] !== ',') j++;
      v = value.slice(i, j);
      i = j;
      if (v === '')
        return said('meta-field-empty', `${key} has an empty value`, { field: cut(key) });
      if (/[<>]/.test(v) || WS.test(v)) {
        return said(
          'meta-unquoted',
          `${key}=${v}: an unquoted value may not contain white space or angle brackets (quote it)`,
          { field: cut(key), value: cut(v) },
        );
      }
    }
    fields.push({ key, value: v, quoted });
    if (i < end) {
      if (value[i] !== ',')
        return said('meta-after-value', `${key}: expected "," or ">" after the value`, {
          field: cut(key),
        });
      i++;
      if (i === end) return said('meta-trailing-comma', 'the field list ends with ","');
    }
  }
  return fields;
}

/** Reads a `"…"` value starting at `start`; `\"` and `\\` are escapes. */
function readQuoted(s: string, start: number, end: number): { text: string; next: number } | Said {
  let out = '';
  let i = start + 1;
  while (i < end) {
    const c = s.charAt(i);
    if (c === '\\' && i + 1 < end) {
      out += s.charAt(i + 1);
      i += 2;
      continue;
    }
    if (c === '"') {
      const next = i + 1;
      if (next !== end && s[next] !== ',') {
        return said('meta-quote-escape', 'a quote inside the value must be escaped as \\"');
      }
      return { text: out, next };
    }
    out += c;
    i++;
  }
  return said('meta-quote-open', 'the quoted value is not closed with "');
}
