/** Headers for the loopback reply: static, never cached, nothing may load or run (AUTH-02). */
export const CALLBACK_PAGE_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  'Content-Security-Policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
} as const;

const page = (title: string, text: string): string =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>` +
  '<style>body{font:16px system-ui,sans-serif;margin:4rem auto;max-width:32rem;color:#222}</style>' +
  `</head><body><h1>${title}</h1><p>${text}</p></body></html>`;

/** Shown after a valid callback: the app continues; the tab has nothing more to do. */
export const SIGNED_IN_PAGE = page(
  'Cohort Desk received your sign-in',
  'You can close this tab and return to Cohort Desk.',
);

/** Shown after a valid callback that carries an error (for example, consent refused). */
export const SIGN_IN_STOPPED_PAGE = page(
  'Sign-in did not complete',
  'You can close this tab. Cohort Desk shows what happened and how to try again.',
);

/** Shown for anything that is not the expected callback (wrong or missing state, other paths). */
export const REJECTED_PAGE = page(
  'This sign-in link is not valid',
  'Cohort Desk did not start this sign-in, or it has already finished. Start the sign-in again from Cohort Desk.',
);
