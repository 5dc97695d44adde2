import type { Logger } from 'pino';

/** How long edits to one card are gathered before one chat.update (Slack allows about one a second per message). */
export const COALESCE_DELAY_MS = 500;

/**
 * Coalesces bursts of work per key (card re-renders, security-mark writes): many requests for one key
 * become one run after a short delay, plus at most one more for requests that arrive while that run is
 * in flight. The work reads the store when it runs, so the last run always carries the latest state.
 */
export class Coalescer {
  private readonly pending = new Map<string, { scheduled: boolean; running: boolean; again: boolean }>();
  private readonly idle = new Set<() => void>();

  constructor(
    private readonly work: (key: string) => Promise<void>,
    private readonly what: string,
    private readonly log: Logger,
    private readonly delayMs = COALESCE_DELAY_MS,
  ) {}

  request(name: string): void {
    const p = this.pending.get(name) ?? { scheduled: false, running: false, again: false };
    this.pending.set(name, p);
    if (p.running) p.again = true;
    else if (!p.scheduled) this.schedule(name, p);
  }

  /** Resolves when no refresh is scheduled or running (used at shutdown). */
  settled(): Promise<void> {
    if (this.pending.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.add(resolve));
  }

  private schedule(name: string, p: { scheduled: boolean; running: boolean; again: boolean }): void {
    p.scheduled = true;
    setTimeout(() => {
      p.scheduled = false;
      p.running = true;
      void this.work(name)
        .catch((err: unknown) => this.log.warn({ err, finding: name }, `${this.what} failed`))
        .finally(() => {
          p.running = false;
          if (p.again) {
            p.again = false;
            this.schedule(name, p);
            return;
          }
          this.pending.delete(name);
          if (this.pending.size > 0) return;
          for (const done of this.idle) done();
          this.idle.clear();
        });
    }, this.delayMs);
  }
}
