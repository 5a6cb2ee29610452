import type { NodeProblem } from '../search/results';
import { said, type Said } from './said';

/**
 * A node's failed lookup as a sentence of the document catalogue (issue 22, decision 0064): the
 * same words the Search page and the seen-before progress show, so a stored seen-before answer
 * reads in the sheet's and the report's language instead of main's English. The node's own
 * message (`nodeText`) follows as it sent it.
 */
/** The values every wording of a node's problem fills in (the sheet, the report, the pages). */
export const nodeProblemParams = (node: string, p: NodeProblem) => ({
  node,
  http: p.http ?? '',
  seconds: p.seconds ?? '',
  mb: p.mb ?? '',
  assembly: p.assembly ?? '',
  askedIn: p.askedIn ?? '',
  where: p.where ?? '',
  ...(p.count === undefined ? {} : { count: p.count }),
});

export function nodeProblemSaid(node: string, p: NodeProblem): Said {
  const words = said(`nodeProblem.${p.code}`, {
    ...nodeProblemParams(node, p),
    why: p.lift === undefined ? '' : said(`lift.${p.lift}`),
  });
  return p.nodeText === undefined
    ? words
    : said('answer.nodeSaid', { problem: words, nodeText: p.nodeText });
}
