/** Last known state of each dependency, for /healthz. Never holds secrets: details are our own words or API codes. */
export interface DependencyHealth {
  ok: boolean;
  detail: string;
  at: string;
}

export class Health {
  private readonly deps = new Map<string, DependencyHealth>();

  ok(name: string, detail = 'ok'): void {
    this.deps.set(name, { ok: true, detail, at: new Date().toISOString() });
  }

  failed(name: string, detail: string): void {
    this.deps.set(name, { ok: false, detail: detail.slice(0, 300), at: new Date().toISOString() });
  }

  report(): { status: 'ok' | 'degraded'; dependencies: Record<string, DependencyHealth> } {
    const dependencies = Object.fromEntries(this.deps);
    const status = [...this.deps.values()].every((d) => d.ok) ? 'ok' : 'degraded';
    return { status, dependencies };
  }
}
