import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';

export interface GuardOptions {
  signingSecret: string;
  path: string;
  maxBodyBytes: number;
  /** allowed clock difference, both directions (Bolt itself only rejects old requests) */
  toleranceSeconds: number;
  log: Logger;
  now?: () => number;
  /**
   * Called with each verified body; may claim the request by returning the work to run after it is
   * acknowledged. The guard then answers 200 at once and queues that work behind pending I/O.
   */
  ackFirst?: (contentType: string, body: string) => (() => void) | undefined;
}

type Listener = (req: IncomingMessage, res: ServerResponse) => void;
const ACCEPTED_TYPES = new Set(['application/x-www-form-urlencoded', 'application/json']);

/**
 * Checks every request to Slack's endpoint before Bolt sees it: content type, size, a timestamp
 * within ±tolerance, the v0 signature, and no replay of a signature already used in the window.
 * Bolt re-verifies the (pre-read) body afterwards; this only adds what Bolt does not check.
 */
export function guardSlackRequests(next: Listener, opts: GuardOptions): Listener {
  const now = opts.now ?? (() => Date.now());
  const seen = new Map<string, number>();
  const refuse = (res: ServerResponse, status: number, reason: string, req: IncomingMessage) => {
    opts.log.warn(
      { status, reason, path: req.url, ip: req.socket.remoteAddress },
      'refused a request to the Slack endpoint',
    );
    if (!res.headersSent) res.writeHead(status, { 'content-type': 'text/plain' });
    res.end(status === 401 ? 'unauthorized' : 'bad request');
  };

  const afterIo = yieldingQueue(opts.log);
  return (req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== opts.path || req.method !== 'POST') {
      next(req, res);
      return;
    }
    const type = String(req.headers['content-type'] ?? '')
      .split(';')[0]
      ?.trim()
      .toLowerCase();
    if (!type || !ACCEPTED_TYPES.has(type)) {
      refuse(res, 400, `content type ${type || 'missing'}`, req);
      req.resume();
      return;
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > opts.maxBodyBytes) {
      refuse(res, 400, `body of ${declared} bytes`, req);
      req.destroy();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let aborted = false;
    req.on('data', (c: Buffer) => {
      if (aborted) return;
      size += c.length;
      if (size > opts.maxBodyBytes) {
        aborted = true;
        refuse(res, 400, `body over ${opts.maxBodyBytes} bytes`, req);
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      if (aborted) return;
      const body = Buffer.concat(chunks);
      const text = body.toString('utf8');
      const problem = verify(req, text);
      if (problem) {
        refuse(res, 401, problem, req);
        return;
      }
      const later = opts.ackFirst?.(type, text);
      if (later) {
        res.writeHead(200).end();
        afterIo(later);
        return;
      }
      (req as IncomingMessage & { rawBody?: Buffer }).rawBody = body;
      next(req, res);
    });
  };

  function verify(req: IncomingMessage, body: string): string | undefined {
    const tsHeader = req.headers['x-slack-request-timestamp'];
    const sig = req.headers['x-slack-signature'];
    if (typeof tsHeader !== 'string' || typeof sig !== 'string') return 'missing signature headers';
    if (!/^\d{1,12}$/.test(tsHeader)) return 'malformed timestamp';
    const skew = Math.abs(now() / 1000 - Number(tsHeader));
    if (skew > opts.toleranceSeconds) return `timestamp ${Math.round(skew)} s away from now`;
    const expected = `v0=${createHmac('sha256', opts.signingSecret).update(`v0:${tsHeader}:${body}`).digest('hex')}`;
    const a = Buffer.from(expected);
    const b = Buffer.from(sig);
    if (a.length !== b.length || !timingSafeEqual(a, b)) return 'bad signature';
    // A valid signature is single-use within the tolerance window: a captured request cannot be replayed.
    const t = now();
    // Entries expire in insertion order (same lifetime each), so only the oldest need checking.
    for (const [k, until] of seen) {
      if (until >= t) break;
      seen.delete(k);
    }
    if (seen.has(sig)) return 'replayed request';
    seen.set(sig, t + 2 * opts.toleranceSeconds * 1000);
    return undefined;
  }
}

/**
 * Runs queued work one item per event-loop turn, each after the turn's I/O: a burst of 50 clicks
 * gets all 50 acks out before the first click's work, instead of each ack waiting for the work of
 * the clicks before it.
 */
function yieldingQueue(log: Logger): (work: () => void) => void {
  const queue: (() => void)[] = [];
  const drain = () => {
    try {
      queue.shift()?.();
    } catch (err) {
      // Already acknowledged, so there is no one to answer; one bad click must not stop the others.
      log.error({ err }, 'work for an acknowledged request failed');
    }
    if (queue.length > 0) setImmediate(drain);
  };
  return (work) => {
    if (queue.push(work) === 1) setImmediate(drain);
  };
}
