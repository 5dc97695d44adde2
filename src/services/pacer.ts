/**
 * Spaces calls per key (a Slack channel) at least `intervalMs` apart, in arrival order.
 * Slack allows about one message per second per channel; we stay under it by design
 * instead of discovering it through 429s.
 */
export class Pacer {
  private readonly next = new Map<string, Promise<void>>();
  private readonly lastAt = new Map<string, number>();

  constructor(private readonly intervalMs: number) {}

  wait(key: string): Promise<void> {
    const prev = this.next.get(key) ?? Promise.resolve();
    const mine = prev.then(async () => {
      const due = (this.lastAt.get(key) ?? 0) + this.intervalMs;
      const delay = due - Date.now();
      if (delay > 0) await new Promise((r) => setTimeout(r, delay));
      this.lastAt.set(key, Date.now());
    });
    this.next.set(key, mine);
    return mine;
  }
}
