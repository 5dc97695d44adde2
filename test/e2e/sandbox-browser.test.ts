import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BotProcess, freePort, ROOT, startBot } from '../helpers/bot-process.js';

/**
 * The newcomer's path: `node dist/src/main.js` (what `npm start` runs) with NO Slack or Google
 * settings, then a real headless Chromium on /sandbox. Debian's chromium is installed by .ci/run;
 * if it is missing this file fails (it never skips).
 */

const CHROMIUM = '/usr/bin/chromium';
const NSENTER_ID = '6f0a3c1e9b2d4f8a0c7e5b1d3a9f2c4e';

let bot: BotProcess;
let context: BrowserContext;
let page: Page;
let profile: string;
let startedAt: number;
let firstRenderMs: number;

/** What a responder reads: layout-aware text (line breaks between blocks), not the raw DOM text. */
// biome-ignore lint/performance/useDomNodeTextContent: the rendered reading is the point
const seen = (l: Locator) => l.innerText();
const cards = () => page.locator('#channel > li.msg:not(.ephemeral)');
const card = (agent: string) => cards().filter({ hasText: `Container escape on agent ${agent}` });

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium); .ci/run does this`,
    );
  }
  const port = await freePort();
  startedAt = performance.now();
  // Only PORT: no SLACK_*, no SCC_*; startBot adds nothing but PATH, LOG_LEVEL and METADATA_SERVER_DETECTION.
  bot = await startBot({ PORT: String(port) }, { waitReady: false });
  // Generous: CI machines and shared dev boxes can be slow to load the Google clients.
  await bot.waitForLog(/escape-desk ready/, 45_000);
  profile = mkdtempSync(join(tmpdir(), 'escape-desk-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 1000 },
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('dialog', (d) => void d.accept());
  await page.goto(`http://localhost:${port}/sandbox`);
  await cards().nth(4).waitFor({ timeout: 15_000 });
  firstRenderMs = Math.round(performance.now() - startedAt);
  console.log(`sandbox: process start → five cards rendered in Chromium: ${firstRenderMs} ms`);
}, 60_000);

afterAll(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  await bot?.stop();
});

describe('sandbox page in Chromium, bot started with no credentials', () => {
  it('says it is in sandbox mode and shows the seeded cards', async () => {
    expect(bot.logs.some((l) => /SANDBOX MODE \(no SLACK_BOT_TOKEN is set\)/.test(l))).toBe(true);
    await expect.poll(() => card('support-triage-agent').count()).toBe(2);
    const nsenter = card('support-triage-agent').filter({ hasText: '/usr/bin/nsenter' });
    await expect.poll(() => nsenter.count()).toBe(1);
    const text = await seen(nsenter);
    expect(text).toContain('🚨 Container escape on agent support-triage-agent');
    expect(text).toContain('nsenter --target 1 --mount');
    expect(text).toMatch(/Detected\s+(Today|Yesterday) \d\d:\d\d:\d\d UTC/);
    // Block Kit pieces: header, fields, code, buttons, links to our hosts only.
    expect(await nsenter.locator('.b-header').count()).toBe(1);
    expect(await nsenter.locator('.b-field').count()).toBe(5);
    expect(await nsenter.locator('button', { hasText: 'Related findings' }).count()).toBe(1);
    const hrefs = await Promise.all((await nsenter.locator('a').all()).map((a) => a.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThanOrEqual(3);
    for (const h of hrefs)
      expect(new URL(h ?? '').hostname).toMatch(/^(console\.cloud\.google\.com|attack\.mitre\.org)$/);
  });

  it('renders the hostile finding as text: no foreign link, mention or markup', async () => {
    const hostile = cards().filter({ hasText: '/tmp/<@U0ADMIN01> *runc*' });
    await expect.poll(() => hostile.count()).toBe(1);
    const text = await seen(hostile);
    expect(text).toContain('<!channel> escape in progress');
    expect(text).toContain('<https://evil.example/login|https://console.cloud.google.com/security>');
    expect(text).toContain('<!here> Acme *prod*');
    const html = await hostile.innerHTML();
    expect(html).not.toContain('evil.example"');
    expect(await page.locator('a[href*="evil"]').count()).toBe(0);
    expect(await hostile.locator('script, img, iframe').count()).toBe(0);
  });

  it('runs /escape-finding from the text box and shows the private answer with a link to the card', async () => {
    await page.fill('#cmd-text', `/escape-finding ${NSENTER_ID}`);
    await page.click('#cmd button[type=submit]');
    const answer = page.locator('#channel > li.ephemeral', { hasText: 'This finding already has a card' });
    await expect.poll(() => answer.count(), { timeout: 10_000 }).toBe(1);
    expect(await seen(answer)).toContain('Only visible to you');
    const link = answer.locator('a', { hasText: 'the card' });
    await link.click();
    expect(await seen(page.locator(':target'))).toContain('/usr/bin/nsenter');
    expect(await seen(page.locator('#status'))).toMatch(/\/escape-finding: signed request acknowledged/);
  });

  it('answers a bad id privately with the usage line', async () => {
    await page.fill('#cmd-text', '/escape-finding not/a/finding');
    await page.click('#cmd button[type=submit]');
    const answer = page.locator('#channel > li.ephemeral', { hasText: 'is not a finding id' });
    await expect.poll(() => answer.count(), { timeout: 10_000 }).toBe(1);
    expect(await seen(answer)).toContain('Usage: /escape-finding <finding>');
  });

  it('Related findings, Agent settings and Pull logs answer in the card’s thread, read from the fakes', async () => {
    const nsenter = cards().filter({ hasText: '/usr/bin/nsenter' });
    await nsenter.locator('button', { hasText: 'Related findings' }).click();
    const thread = nsenter.locator('details.thread');
    await thread.waitFor({ timeout: 20_000 });
    await thread.locator('summary').click();
    await expect.poll(() => seen(thread), { timeout: 20_000 }).toContain('Reverse Shell');
    expect(await seen(thread)).toContain('Execution: Added Malicious Binary Executed');

    await nsenter.locator('button', { hasText: 'Agent settings' }).click();
    await expect.poll(() => seen(thread), { timeout: 30_000 }).toContain('support-triage-agent');

    await nsenter.locator('button', { hasText: 'Pull logs' }).click();
    await expect.poll(() => thread.locator('details.file').count(), { timeout: 20_000 }).toBe(1);
    await thread.locator('details.file summary').click();
    // Live updates re-render the thread while the answer finishes; the file stays open (it has an id).
    await expect
      .poll(() => seen(thread.locator('details.file pre')), { timeout: 10_000 })
      .toContain('/usr/bin/nsenter');
    expect(await seen(thread.locator('summary').first())).toMatch(/^\d+ replies$/);
  }, 90_000);

  it('completes a checklist step from the card menu: steps 2–4 came from the buttons above, step 1 by hand', async () => {
    const nsenter = cards().filter({ hasText: '/usr/bin/nsenter' });
    await expect.poll(() => seen(nsenter), { timeout: 20_000 }).toContain('Response checklist 3/6');
    await nsenter.locator('select.menu').first().selectOption({ label: '1 · Mark finding details reviewed' });
    await expect.poll(() => seen(nsenter), { timeout: 20_000 }).toContain('Response checklist 4/6');
    const thread = nsenter.locator('details.thread');
    await expect.poll(() => seen(thread), { timeout: 20_000 }).toMatch(/Step 1 — .*by @you/);
  }, 60_000);

  it('injects a new finding into the fake SCC and its card appears after a poll', async () => {
    const before = await cards().count();
    await page.click('#inject');
    await expect.poll(() => seen(page.locator('#status'))).toMatch(/Injected finding [0-9a-f]{32}/);
    const id = /Injected finding ([0-9a-f]{32})/.exec(await seen(page.locator('#status')))?.[1] ?? 'none';
    await expect.poll(() => cards().count(), { timeout: 15_000 }).toBe(before + 1);
    expect(await seen(cards().last())).toContain(id);
  });

  it('saves a screenshot of the channel for the README', async () => {
    mkdirSync(join(ROOT, 'docs'), { recursive: true });
    await page.fill('#cmd-text', `/escape-finding ${NSENTER_ID}`);
    // The prod agent's nsenter card right under the sticky page header.
    // (a string, so this file needs no DOM typings)
    await page.evaluate(`(() => {
      const header = document.querySelector('header.top');
      const card = [...document.querySelectorAll('#channel > li.msg')].find((li) => li.textContent.includes('/usr/bin/nsenter'));
      window.scrollTo(0, card.offsetTop - header.offsetHeight - 8);
    })()`);
    await page.screenshot({ path: join(ROOT, 'docs', 'sandbox.png') });
    expect(existsSync(join(ROOT, 'docs', 'sandbox.png'))).toBe(true);
  });
});
