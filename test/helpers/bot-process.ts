import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const MAIN = join(ROOT, 'dist', 'src', 'main.js');

/**
 * The node arguments of `npm start` (package.json), so every test and the bench run the bot with the
 * same V8 flags as production, without npm's own start-up in between.
 */
export const START_ARGS: readonly string[] = (() => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const [node, ...args] = pkg.scripts.start.trim().split(/\s+/);
  if (node !== 'node' || args.at(-1) !== 'dist/src/main.js')
    throw new Error(`package.json start must be "node [flags] dist/src/main.js", got "${pkg.scripts.start}"`);
  return [...args.slice(0, -1), MAIN];
})();

export const TEST_SECRETS = {
  botToken: 'xoxb-test-0000000000-escape-desk-token',
  signingSecret: 'test-signing-secret-5f2a9c1e7b',
};

export function tempDb(): string {
  return join(mkdtempSync(join(tmpdir(), 'escape-desk-')), 'state.sqlite');
}

export interface BotProcess {
  child: ChildProcess;
  port: number;
  logs: string[];
  /** Resolves with the first log line matching. */
  waitForLog(re: RegExp, timeoutMs?: number): Promise<string>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts the built bot (what `npm start` runs: START_ARGS) with `env` and waits for its ready line. */
export async function startBot(env: Record<string, string>, opts: { waitReady?: boolean } = {}): Promise<BotProcess> {
  const port = Number(env.PORT ?? 0);
  const child = spawn(process.execPath, [...START_ARGS], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', METADATA_SERVER_DETECTION: 'none', LOG_LEVEL: 'debug', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // If the test worker ends first (a timed-out test never reaches its afterEach), take the bot with it.
  const reap = () => child.kill('SIGKILL');
  process.once('exit', reap);
  child.once('exit', () => process.off('exit', reap));
  const logs: string[] = [];
  const waiters: { re: RegExp; resolve: (l: string) => void }[] = [];
  const onData = (buf: Buffer) => {
    for (const line of buf.toString().split('\n')) {
      if (!line) continue;
      logs.push(line);
      for (const w of [...waiters]) {
        if (w.re.test(line)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(line);
        }
      }
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitForLog = (re: RegExp, timeoutMs = 15_000) => {
    const hit = logs.find((l) => re.test(l));
    if (hit) return Promise.resolve(hit);
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no log line matching ${re} within ${timeoutMs} ms:\n${logs.slice(-30).join('\n')}`)),
        timeoutMs,
      );
      waiters.push({
        re,
        resolve: (l) => {
          clearTimeout(timer);
          resolve(l);
        },
      });
      void exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`bot exited (${code}) before logging ${re}:\n${logs.slice(-30).join('\n')}`));
      });
    });
  };
  const bot: BotProcess = {
    child,
    port,
    logs,
    waitForLog,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
  if (opts.waitReady !== false) {
    // A bot that never got ready must not outlive the test (orphans slow every later test on a shared machine).
    await waitForLog(/escape-desk ready/).catch(async (err: unknown) => {
      await bot.stop('SIGKILL');
      throw err;
    });
  }
  return bot;
}

/** A free TCP port on loopback (asks the OS, then releases it). */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export async function postSigned(
  port: number,
  path: string,
  body: string,
  headers: Record<string, string>,
  contentType = 'application/x-www-form-urlencoded',
): Promise<{ status: number; text: string; ms: number }> {
  const started = performance.now();
  const res = await fetch(`http://127.0.0.1:${port}${path}`, {
    method: 'POST',
    headers: { 'content-type': contentType, ...headers },
    body,
  });
  return { status: res.status, text: await res.text(), ms: performance.now() - started };
}
