// The ranking's web worker (docs/decisions/0023-case-review-page.md): the reference tables (HPO and its
// disease annotations, 4 MB of TypeScript) are parsed here once, so neither the page nor main
// waits on them, and a ranking never blocks typing or scrolling.
import type { RankMessage, RankReply } from './protocol';
import { answer } from './rankCore';

// The DOM lib types `self` as a Window; in a dedicated worker it is the worker's own scope.
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<RankMessage>) => void) | null;
  postMessage(reply: RankReply): void;
};

scope.onmessage = (e) => {
  scope.postMessage(answer(e.data));
};
