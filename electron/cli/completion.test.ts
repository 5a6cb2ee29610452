import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT } from './exitCodes';
import { cliHarness } from './testing/cliHarness';

const dir = mkdtempSync(join(tmpdir(), 'cli-completion-'));
const h = cliHarness({
  env: { ...process.env, COHORT_DESK_DATA_DIR: join(dir, 'data') },
  cwd: dir,
});
afterAll(() => {
  h.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What bash offers after `cohort-desk <words…>` with the generated script sourced. */
function offered(script: string, words: string[]): string[] {
  const file = join(dir, 'completion.bash');
  writeFileSync(file, script);
  const quoted = words.map((w) => `'${w}'`).join(' ');
  const out = execFileSync(
    'bash',
    [
      '-c',
      `source '${file}'; COMP_WORDS=(cohort-desk ${quoted}); COMP_CWORD=${String(words.length)}; _cohort_desk_complete; printf '%s\\n' "\${COMPREPLY[@]}"`,
    ],
    { cwd: dir, encoding: 'utf8' },
  );
  return out.split('\n').filter((l) => l !== '');
}

describe('issue 23: shell completion from the command definitions', () => {
  it('bash completes commands, subcommands and their options', async () => {
    const r = await h.cli('completion', 'bash');
    expect(r.code).toBe(EXIT.ok);
    const script = r.out.join('\n');
    expect(offered(script, [''])).toEqual(
      expect.arrayContaining([
        'vcf',
        'login',
        'pull',
        'cohort',
        'sql',
        'cache',
        'audit',
        'completion',
      ]),
    );
    expect(offered(script, ['ca'])).toEqual(['case', 'cache']);
    expect(offered(script, ['cache', ''])).toEqual(expect.arrayContaining(['list', 'purge']));
    expect(offered(script, ['pull', 'FI-RD-01', '--pu'])).toEqual(['--purpose']);
    expect(offered(script, ['vcf', 'check', '--max'])).toEqual(['--max-problems']);
  });

  it('zsh gets the same script through bashcompinit; another shell is a usage error', async () => {
    const r = await h.cli('completion', 'zsh');
    expect(r.code).toBe(EXIT.ok);
    expect(r.out[0]).toContain('compinit');
    expect(r.out.join('\n')).toContain('complete -F _cohort_desk_complete cohort-desk');
    expect((await h.cli('completion', 'fish')).code).toBe(EXIT.usage);
  });
});
