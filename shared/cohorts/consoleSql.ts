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

/** Undefined when the statement may run; else the reason in the user's words. */
export function refuseConsoleSql(sql: string): string | undefined {
  const s = stripped(sql).trim().replace(/;\s*$/, '');
  if (s === '') return 'Type a query first.';
  if (s.includes(';')) return 'Run one statement at a time.';
  if (!ALLOWED_START.test(s))
    return 'Only SELECT, WITH, SUMMARIZE and DESCRIBE statements run here.';
  const bad = FORBIDDEN.exec(s);
  if (bad) return `The console is read-only: "${bad[1] ?? ''}" is not allowed.`;
  return undefined;
}
