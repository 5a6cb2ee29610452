import type { Sender } from './router';

/**
 * The sender the command line uses for every request. The CLI runs in the user's own process with
 * the user's own rights (issue 16/23: "a trusted local sender"), so requests that name files on
 * disk are taken from it, and only from it: a page can never present this URL (it is not http(s)
 * nor app://), and the Electron and browser-mode transports never pass it on.
 */
export const CLI_SENDER: Sender = { url: 'cli:' };

/** True when a request came from the command line transport. */
export const isCliSender = (sender: Sender): boolean => sender.url === CLI_SENDER.url;
