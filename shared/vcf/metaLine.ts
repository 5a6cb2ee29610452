// Tokenises one meta-information line (VCF §1.4): `##key=value` or `##key=<k=v,k="quoted",…>`.

/** One field of a structured line, with how it was written (quoting matters to some rules). */
export interface MetaField {
  readonly key: string;
  readonly value: string;
  readonly quoted: boolean;
}

export type MetaParse =
  | { ok: true; key: string; value: string; fields: MetaField[] | undefined }
  | { ok: false; message: string };

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
      message: 'a meta-information line must be ##key=value; this one has no "="',
    };
  }
  const key = text.slice(2, eq);
  if (key === '' || WS.test(key)) {
    return { ok: false, message: `the meta-information key "${key}" is empty or has white space` };
  }
  const value = text.slice(eq + 1);
  if (value === '') {
    return { ok: false, message: `##${key}= has an empty value; write a value or remove the line` };
  }
  if (!value.startsWith('<')) return { ok: true, key, value, fields: undefined };
  const fields = parseStructured(value);
  if (typeof fields === 'string') return { ok: false, message: `##${key}: ${fields}` };
  return { ok: true, key, value, fields };
}

/** Parses `<k=v,…>`; returns the fields, or what is wrong. */
function parseStructured(value: string): MetaField[] | string {
  if (!value.endsWith('>') || value.length < 2) {
    return 'a structured line must end with ">" (is a quote or the closing bracket missing?)';
  }
  const fields: MetaField[] = [];
  let i = 1;
  const end = value.length - 1;
  if (i === end) return 'the structured line "<>" has no fields; at least ID=… is expected';
  while (i < end) {
    const eq = value.indexOf('=', i);
    const comma = value.indexOf(',', i);
    if (eq < 0 || eq > end || (comma >= 0 && comma < eq)) {
      const piece = value.slice(i, comma >= 0 && comma < end ? comma : end);
      return `"${piece}" is not a key=value field (a comma inside a value must be quoted)`;
    }
    const key = value.slice(i, eq);
    if (key === '' || /[\s"<>]/.test(key)) return `"${key}" is not a valid field name`;
    i = eq + 1;
    let v: string;
    let quoted = false;
    if (value[i] === '"') {
      const r = readQuoted(value, i, end);
      if (typeof r === 'string') return `${key}: ${r}`;
      v = r.text;
      i = r.next;
      quoted = true;
    } else if (value[i] === '[') {
      const close = value.indexOf(']', i);
      if (close < 0 || close > end) return `${key}: the list "[" is not closed with "]"`;
      v = value.slice(i, close + 1);
      i = close + 1;
    } else {
      let j = i;
      while (j < end && value[j] !== ',') j++;
      v = value.slice(i, j);
      i = j;
      if (v === '') return `${key} has an empty value`;
      if (/[<>]/.test(v) || WS.test(v)) {
        return `${key}=${v}: an unquoted value may not contain white space or angle brackets (quote it)`;
      }
    }
    fields.push({ key, value: v, quoted });
    if (i < end) {
      if (value[i] !== ',') return `${key}: expected "," or ">" after the value`;
      i++;
      if (i === end) return 'the field list ends with ","';
    }
  }
  return fields;
}

/** Reads a `"…"` value starting at `start`; `\"` and `\\` are escapes. */
function readQuoted(
  s: string,
  start: number,
  end: number,
): { text: string; next: number } | string {
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
        return 'a quote inside the value must be escaped as \\"';
      }
      return { text: out, next };
    }
    out += c;
    i++;
  }
  return 'the quoted value is not closed with "';
}
