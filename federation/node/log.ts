import { appendFileSync } from 'node:fs';

/** One structured log event: a JSON object written as one line. */
export type LogEvent = Record<
  string,
  string | number | boolean | null | undefined | readonly string[]
>;

/** A small structured logger (CONVENTIONS: JSON lines, no console.log in library code). */
export interface Logger {
  info(event: string, fields?: LogEvent): void;
  warn(event: string, fields?: LogEvent): void;
  error(event: string, fields?: LogEvent): void;
}

type Sink = (line: string) => void;

function makeLogger(component: string, sink: Sink): Logger {
  const write = (level: string, event: string, fields: LogEvent = {}): void => {
    sink(
      JSON.stringify({ ts: new Date().toISOString(), level, component, event, ...fields }) + '\n',
    );
  };
  return {
    info: (e, f) => {
      write('info', e, f);
    },
    warn: (e, f) => {
      write('warn', e, f);
    },
    error: (e, f) => {
      write('error', e, f);
    },
  };
}

/** Logger writing JSON lines to stderr, or appending to `file` when given. */
export function createLogger(component: string, file?: string): Logger {
  const sink: Sink = file
    ? (line) => {
        appendFileSync(file, line);
      }
    : (line) => {
        process.stderr.write(line);
      };
  return makeLogger(component, sink);
}

/** Logger keeping parsed events in memory: tests assert on what was (and was not) logged. */
export function createMemoryLogger(
  component: string,
): Logger & { events: Record<string, unknown>[] } {
  const events: Record<string, unknown>[] = [];
  const logger = makeLogger(component, (line) => {
    events.push(JSON.parse(line) as Record<string, unknown>);
  });
  return Object.assign(logger, { events });
}
