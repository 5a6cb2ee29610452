#!/usr/bin/env node
// Issue 21: every GitHub Action a workflow uses is pinned by full commit SHA, its tag in a comment
// (`uses: actions/checkout@<40 hex> # v4.2.2`). A tag or branch can be moved to other code; a
// commit cannot. Local actions (`./…`) and `docker://` images with a digest are allowed.
// Usage: node scripts/checkActionPins.mjs [workflow files…]  (default: .github/workflows/*.yml)
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const PINNED = /^[^@\s]+@[0-9a-f]{40}$/;
const DOCKER_DIGEST = /^docker:\/\/[^@\s]+@sha256:[0-9a-f]{64}$/;

/** Problems of one workflow text, as `FILE:LINE: message`. */
export function unpinnedActions(file, text) {
  const problems = [];
  text.split('\n').forEach((line, i) => {
    const m = /^\s*(?:-\s*)?uses:\s*(['"]?)([^'"\s#]+)\1\s*(#.*)?$/.exec(line);
    if (m === null) return;
    const [, , ref, comment] = m;
    if (ref.startsWith('./') || DOCKER_DIGEST.test(ref)) return;
    if (!PINNED.test(ref))
      problems.push(
        `${file}:${i + 1}: ${ref} is not pinned by commit: use ${ref.split('@')[0]}@<full commit SHA> # <tag>`,
      );
    else if (comment === undefined || !/#\s*v?\d/.test(comment))
      problems.push(
        `${file}:${i + 1}: ${ref} has no tag comment (# vX.Y.Z) saying which release it is`,
      );
  });
  return problems;
}

function main() {
  const root = join(import.meta.dirname, '..');
  const dir = join(root, '.github', 'workflows');
  const files =
    process.argv.length > 2
      ? process.argv.slice(2)
      : readdirSync(dir)
          .filter((f) => /\.ya?ml$/.test(f))
          .map((f) => join(dir, f));
  const problems = files.flatMap((f) =>
    unpinnedActions(relative(root, f), readFileSync(f, 'utf8')),
  );
  for (const p of problems) process.stderr.write(`${p}\n`);
  if (problems.length > 0) {
    process.stderr.write(`${problems.length} action(s) not pinned by commit SHA.\n`);
    process.exit(1);
  }
  process.stdout.write(
    `every action in ${files.length} workflow file(s) is pinned by commit SHA\n`,
  );
}

if (process.argv[1] !== undefined && import.meta.filename === process.argv[1]) main();
