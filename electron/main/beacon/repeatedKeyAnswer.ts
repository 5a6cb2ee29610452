import { firstDuplicateKey } from '../../../shared/json/duplicateKey';
import type { NodeAnswer } from './nodeClient';

/**
 * A node's answer that names a key twice (RFC 8259 §4: names SHOULD be unique; JSON.parse keeps the
 * last): two numTotalResults, two exists, two ids of a set. Which one the node meant is unknown, so
 * nothing of the answer is shown as what it said (decision 0105); the repeat is located for the
 * node's operator (English, 0058). Undefined when no key is repeated.
 */
export function repeatedKeyAnswer(
  name: string,
  method: 'POST' | 'GET',
  text: string,
): NodeAnswer | undefined {
  const twice = firstDuplicateKey(text);
  if (twice === undefined) return undefined;
  const path = twice.path.slice(0, 300);
  const where = `${path} (line ${String(twice.line)}, column ${String(twice.column)})`;
  return {
    status: 'error',
    method,
    message: `Node ${name} sent an answer that names ${path} twice, so which value it meant is unknown; its answer is not shown. Tell the node's operator; the other nodes are not affected.`,
    problem: {
      code: 'not-beacon',
      nodeText:
        `${where}: the key "${twice.key.slice(0, 200)}" is named twice; JSON names must be unique for the answer to have one meaning.`.slice(
          0,
          2000,
        ),
    },
  };
}
