import type { NodeProblem } from '../search/results';
import { said, type Said } from './said';

/**
 * A node's failed lookup as a sentence of the document catalogue (issue 22, decision 0064): the
 * same words the Search page and the seen-before progress show, so a stored seen-before answer
 * reads in the sheet's and the report's language instead of main's English. The node's own
 * message (`nodeText`) follows as it sent it.
 */
export function nodeProblemSaid(node: string, p: NodeProblem): Said {
  const words = said(`nodeProblem.${p.code}`, {
    node,
    http: p.http ?? '',
    seconds: p.seconds ?? '',
    mb: p.mb ?? '',
    assembly: p.assembly ?? '',
    askedIn: p.askedIn ?? '',
    where: p.where ?? '',
    why: p.lift === undefined ? '' : said(`lift.${p.lift}`),
    count: p.count,
  });
  return p.nodeText === undefined
    ? words
    : said('answer.nodeSaid', { problem: words, nodeText: p.nodeText });
}
