/**
 * The SQL console is read-only (issue 6): one statement that starts with SELECT, WITH, SUMMARIZE,
 * DESCRIBE or FROM, and no keyword that writes, loads or reaches outside, anywhere outside literals.
 * The engine also runs with enable_external_access=false; this check says no before it runs.
 */
const ALLOWED_START = /^(select|with|summarize|describe|from)\b/i;
const FORBIDDEN =
  /\b(insert|update|delete|merge|create|drop|alter|copy|attach|detach|install|load|pragma|set|reset|export|import|call|checkpoint|vacuum|truncate|grant|use)\b/i;

/** Literals and comments blanked out, so keywords inside them do not count. */
const stripped = (sql: string): string =>
  sql
    .replace(/--[^\n]*/g, ' ')
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/'(?:[^']|'')*'/g, "''")
    .replace(/"(?:[^"]|"")*"/g, '""');

/** Why the console refuses a statement, as a code the window words (issue 22, decision 0077). */
export type ConsoleRefusal =
  | { readonly code: 'empty' | 'several' | 'start' }
  | { readonly code: 'forbidden'; readonly keyword: string };

/** Undefined when the statement may run; else why not, as a code. */
export function consoleSqlRefusal(sql: string): ConsoleRefusal | undefined {
  const s = stripped(sql).trim().replace(/;\s*$/, '');
  if (s === '') return { code: 'empty' };
  if (s.includes(';')) return { code: 'several' };
  if (!ALLOWED_START.test(s)) return { code: 'start' };
  const bad = FORBIDDEN.exec(s);
  if (bad) return { code: 'forbidden', keyword: bad[1] ?? '' };
  return undefined;
}

/** Undefined when the statement may run; else the reason in English (the command line's words). */
export function refuseConsoleSql(sql: string): string | undefined {
  const r = consoleSqlRefusal(sql);
  if (r === undefined) return undefined;
  if (r.code === 'forbidden') return `The console is read-only: "${r.keyword}" is not allowed.`;
  return ENGLISH[r.code];
}

const ENGLISH = {
  empty: 'Type a query first.',
  several: 'Run one statement at a time.',
  start: 'Only SELECT, WITH, SUMMARIZE and DESCRIBE statements run here.',
} as const;

/** One statement of a script, with the line it starts on (1-based) for located messages. */
export interface ScriptStatement {
  sql: string;
  line: number;
}

/**
 * A script's statements (issue 23: `cli sql --file`), split at semicolons outside literals, quoted
 * names and comments, by the same lexical rules as the read-only check above; empty ones dropped.
 */
export function splitConsoleScript(text: string): ScriptStatement[] {
  const out: ScriptStatement[] = [];
  let start = 0;
  let line = 1;
  let startLine = 1;
  const push = (end: number): void => {
    const sql = text.slice(start, end);
    // The line of the statement's first word: leading blank lines and comments do not count.
    const lead = /^(?:\s+|--[^\n]*|\/\*[\s\S]*?\*\/)*/.exec(sql)?.[0] ?? '';
    const lineOf = startLine + (lead.match(/\n/g)?.length ?? 0);
    if (stripped(sql).trim() !== '') out.push({ sql: sql.trim(), line: lineOf });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const close =
      c === "'" || c === '"'
        ? c
        : c === '-' && text[i + 1] === '-'
          ? '\n'
          : c === '/' && text[i + 1] === '*'
            ? '*/'
            : undefined;
    if (close !== undefined) {
      let j = text.indexOf(close, i + (close === '*/' ? 2 : 1));
      // A doubled quote inside a literal or quoted name is the quote itself, not its end.
      while ((close === "'" || close === '"') && j >= 0 && text[j + 1] === close)
        j = text.indexOf(close, j + 2);
      const end = j < 0 ? text.length : j + close.length - (close === '\n' ? 1 : 0);
      line += text.slice(i, end).match(/\n/g)?.length ?? 0;
      i = end - 1;
    } else if (c === '\n') line++;
    else if (c === ';') {
      push(i);
      start = i + 1;
      startLine = line;
    }
  }
  push(text.length);
  return out;
}
