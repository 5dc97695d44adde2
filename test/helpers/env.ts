import type { FakeScc } from '../../src/fakes/scc-server.js';
import type { FakeSlack } from '../../src/fakes/slack-server.js';
import { TEST_SECRETS } from './bot-process.js';

export const CHANNEL = 'C0ESCAPE01';
export const SCC_PARENT = 'organizations/123456789012';

/** The contract env (see README) pointing the bot at the fakes. */
export function botEnv(slack: FakeSlack, scc: FakeScc, extra: Record<string, string> = {}): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: TEST_SECRETS.botToken,
    SLACK_SIGNING_SECRET: TEST_SECRETS.signingSecret,
    SLACK_CHANNEL_ID: CHANNEL,
    SLACK_API_URL: slack.url,
    SCC_PARENT,
    SCC_EMULATOR_HOST: scc.address,
    POLL_INTERVAL_SECONDS: '1',
    // Tests post many thread lines; pacing itself is tested in test/integration/outbox.test.ts and measured
    // at Slack's real rate by `npm run bench`.
    SLACK_POSTS_PER_SECOND: '20',
    ...extra,
  };
}
