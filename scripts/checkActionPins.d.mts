/** Problems of one workflow text, as `FILE:LINE: message` (issue 21: actions pinned by commit SHA). */
export function unpinnedActions(file: string, text: string): string[];
