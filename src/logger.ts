import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import { type Logger, pino } from 'pino';

/** pino levels → Cloud Logging severities, so logs read right in Logs Explorer. */
const SEVERITY: Record<string, string> = {
  trace: 'DEBUG',
  debug: 'DEBUG',
  info: 'INFO',
  warn: 'WARNING',
  error: 'ERROR',
  fatal: 'CRITICAL',
};

/**
 * JSON logs with a `severity` field. Every configured secret is scrubbed from the serialized line,
 * whatever path it took to get there (an SDK error message, a request body, a config dump).
 */
export function createLogger(level: string, secrets: readonly string[], destination?: NodeJS.WritableStream): Logger {
  const scrub = secrets.filter((s) => s.length >= 6);
  return pino(
    {
      level,
      messageKey: 'message',
      base: { service: 'escape-desk' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ severity: SEVERITY[label] ?? 'DEFAULT' }),
      },
      redact: {
        paths: [
          'token',
          '*.token',
          'headers.authorization',
          '*.headers.authorization',
          'signingSecret',
          '*.signingSecret',
        ],
        censor: '[redacted]',
      },
      hooks: {
        streamWrite: (line) => scrub.reduce((acc, s) => acc.split(s).join('[redacted]'), line),
      },
    },
    destination ?? pino.destination({ fd: 1, sync: true }),
  );
}

/** Bolt's logger interface, backed by pino. */
export function boltLogger(log: Logger): BoltLogger {
  let level: LogLevel = LogLevel.INFO;
  return {
    debug: (...m: unknown[]) => log.debug(m.map(String).join(' ')),
    info: (...m: unknown[]) => log.info(m.map(String).join(' ')),
    warn: (...m: unknown[]) => log.warn(m.map(String).join(' ')),
    error: (...m: unknown[]) => log.error(m.map(String).join(' ')),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
