/**
 * The command line's exit codes, one meaning each, for scripts (issue 16; issue 23 adds commands
 * that use the others). Documented in README "Command line" and shown by `--help`.
 */
export const EXIT = {
  /** Done; for checks: every input is valid. */
  ok: 0,
  /** The input was read and is invalid (problems on stderr, one per line). */
  invalid: 1,
  /** The command line itself is wrong: unknown command or option, missing or unreadable file. */
  usage: 2,
  /** Refused: not allowed by policy, data-use conditions, or a locked vault. */
  refused: 3,
  /** A service it needs (the federation, a node) could not be reached. */
  unavailable: 4,
  /** A bug: the details are in the log file. */
  internal: 70,
  /** Interrupted with Ctrl-C; nothing partial is left behind. */
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The exit-code table for --help. */
export const EXIT_HELP = `
Exit codes:
  0    done; for checks, every input is valid
  1    an input is invalid (problems on stderr, one FILE:LINE: message per line)
  2    usage error: unknown command or option, missing or unreadable file
  3    refused (policy, data-use conditions, locked vault)
  4    a service could not be reached
  70   internal error (details in the log file)
  130  interrupted (Ctrl-C)`;
