// Named imports: the default export differs between Node's ESM loader and vitest's interop.
import { App, type App as BoltApp, type CustomRoute, HTTPReceiver, SocketModeReceiver } from '@slack/bolt';
import type { Logger } from 'pino';
import { ActionId } from './blocks/action-ids.js';
import type { Config } from './config.js';
import type { Health } from './health.js';
import { blockActionsOf } from './http/ack-first.js';
import { guardSlackRequests } from './http/request-guard.js';
import { registerAgentSettings } from './listeners/actions/agent-settings.js';
import { registerChecklistMenu } from './listeners/actions/checklist-menu.js';
import { registerLifecycleMenu } from './listeners/actions/lifecycle-menu.js';
import { registerPullLogs } from './listeners/actions/pull-logs.js';
import { registerRelatedFindings } from './listeners/actions/related-findings.js';
import { registerT1611Reviewed } from './listeners/actions/t1611-reviewed.js';
import { registerEscapeFinding } from './listeners/commands/escape-finding.js';
import type { Deps } from './listeners/deps.js';
import { registerResponsePlan } from './listeners/views/response-plan.js';
import { registerStepNote } from './listeners/views/step-note.js';
import { boltLogger } from './logger.js';

/** Slack sends events, slash commands and interactivity here (manifest.yml points at it). */
export const SLACK_EVENTS_PATH = '/slack/events';
/** Every action_id a listener below handles (all of ActionId): clicks on these are acknowledged first. */
const OUR_ACTIONS: ReadonlySet<string> = new Set(Object.values(ActionId));
/** Slack's interactivity payloads are a few KB; a view submission with long notes stays far below this. */
const MAX_SLACK_BODY_BYTES = 256 * 1024;

export interface BuiltApp {
  app: BoltApp;
  receiver: HTTPReceiver | SocketModeReceiver;
}

/**
 * Builds the Bolt app and registers every listener. Wiring only: behaviour lives in listeners and services.
 * `customRoutes` are extra HTTP routes on the same port (sandbox mode serves its page this way).
 */
export function buildApp(config: Config, log: Logger, health: Health, customRoutes: CustomRoute[] = []): BuiltApp {
  const logger = boltLogger(log.child({ component: 'bolt' }));
  const healthz: CustomRoute = {
    path: '/healthz',
    method: ['GET'],
    handler: (_req, res) => {
      const report = health.report();
      res.writeHead(report.status === 'ok' ? 200 : 503, { 'content-type': 'application/json' });
      res.end(JSON.stringify(report));
    },
  };
  const receiver = config.slack.appToken
    ? new SocketModeReceiver({
        appToken: config.slack.appToken,
        customRoutes: [healthz, ...customRoutes],
        installerOptions: { port: config.port },
        logger,
      })
    : new HTTPReceiver({
        signingSecret: config.slack.signingSecret ?? '',
        endpoints: SLACK_EVENTS_PATH,
        customRoutes: [healthz, ...customRoutes],
        logger,
      });
  if (receiver instanceof HTTPReceiver && config.slack.signingSecret) {
    receiver.requestListener = guardSlackRequests(receiver.requestListener, {
      signingSecret: config.slack.signingSecret,
      path: SLACK_EVENTS_PATH,
      maxBodyBytes: MAX_SLACK_BODY_BYTES,
      toleranceSeconds: 300,
      log: log.child({ component: 'request-guard' }),
      ackFirst: (contentType, body) => {
        const payload = blockActionsOf(contentType, body, OUR_ACTIONS);
        if (!payload) return undefined;
        return () => {
          // Already acknowledged: the listeners' own ack() has nothing left to send.
          app.processEvent({ body: payload, ack: async () => {} }).catch((err: unknown) => {
            log.error({ err }, 'a button click failed in Bolt');
          });
        };
      },
    });
  }
  const app: BoltApp = new App({
    token: config.slack.botToken,
    receiver,
    logger,
    deferInitialization: true,
    clientOptions: {
      slackApiUrl: config.slack.apiUrl,
      // 429s wait for Retry-After inside the client; 5xx and network errors get a few quick retries,
      // then fail the call so the caller (outbox / next poll cycle) decides, instead of hanging for minutes.
      retryConfig: { retries: 3, factor: 2, minTimeout: 250, maxTimeout: 2000 },
      timeout: 10_000,
    },
  });
  return { app, receiver };
}

export function registerListeners(app: BoltApp, deps: Deps): void {
  registerEscapeFinding(app, deps);
  registerRelatedFindings(app, deps);
  registerAgentSettings(app, deps);
  registerPullLogs(app, deps);
  registerChecklistMenu(app, deps);
  registerLifecycleMenu(app, deps);
  registerT1611Reviewed(app, deps);
  registerStepNote(app, deps);
  registerResponsePlan(app, deps);
  app.error(async (err) => {
    deps.log.error({ err }, 'unhandled error in a Slack listener');
  });
}
