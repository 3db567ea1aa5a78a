import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createFaultServer, step } from '../../../src/testing/index.js';
import type { FaultServer } from '../../../src/testing/index.js';
import { launchChromium, servePage } from '../../support/browser/chromium.js';
import type { PageServer } from '../../support/browser/chromium.js';

interface Logged {
  readonly name: string;
  readonly payload: { readonly state?: string; readonly fault?: { readonly code: number; readonly via?: { readonly code: number } } };
}

let browser: Browser;
let pages: PageServer;
let context: BrowserContext | undefined;
let server: FaultServer | undefined;

beforeAll(async () => {
  browser = await launchChromium();
  pages = await servePage();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await pages?.close();
});

afterEach(async () => {
  await context?.close();
  await server?.close();
  context = undefined;
  server = undefined;
});

async function open(faults: FaultServer): Promise<Page> {
  context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${pages.url}?ws=${encodeURIComponent(faults.url)}`);
  return page;
}

const log = (page: Page) => page.evaluate(() => (window as unknown as { __page: { log: Logged[] } }).__page.log);
const count = async (page: Page, name: string) => (await log(page)).filter((e) => e.name === name).length;
const waitFor = (page: Page, name: string, n = 1) =>
  page.waitForFunction(([event, times]) => (window as unknown as { __page: { log: Logged[] } }).__page.log.filter((e) => e.name === event).length >= times, [name, n] as const, { timeout: 10_000 });

describe('createSession in real headless Chromium (page WebSocket, browser online/offline)', () => {
  it('connects with the page\'s own WebSocket, streams, and reconnects after the server drops the TCP connection', async () => {
    server = await createFaultServer({ protocol: 'guacamole', scripts: [[step.handshake(), step.stream(50, 200), step.drop()], [step.handshake(), step.stream(50, 200)]] });
    const page = await open(server);
    await waitFor(page, 'ready', 2);
    const faults = (await log(page)).filter((e) => e.name === 'fault');
    // a browser reports a dropped TCP connection as close 1006, which Guacamole reads as UPSTREAM_NOT_FOUND
    expect(faults[0]!.payload.fault).toMatchObject({ code: 519, via: { code: 1006 } });
    expect(await page.evaluate(() => (window as unknown as { __page: { messages: number } }).__page.messages)).toBeGreaterThan(0);
    expect(server.connections).toHaveLength(2);
  });

  it('suspends when the browser goes offline and reconnects when it comes back online', async () => {
    server = await createFaultServer({ protocol: 'guacamole', script: [step.handshake(), step.stream(20, 60_000)] });
    const page = await open(server);
    await waitFor(page, 'ready');
    await context!.setOffline(true);
    await page.waitForFunction(() => (window as unknown as { __page: { session: { state: { state: string } } } }).__page.session.state.state === 'suspended');
    expect(await count(page, 'reconnecting')).toBe(0);
    await context!.setOffline(false);
    await waitFor(page, 'ready', 2);
    expect(server.connections.length).toBeGreaterThanOrEqual(2);
  });

  it('stops on an auth failure: needs-auth, and no second connection', async () => {
    server = await createFaultServer({ protocol: 'guacamole', script: [step.handshake(), step.status(769, 'bad password')] });
    const page = await open(server);
    await waitFor(page, 'needs-auth');
    expect(await page.evaluate(() => (window as unknown as { __page: { session: { state: { state: string } } } }).__page.session.state.state)).toBe('active.awaiting.auth');
    expect(server.connections).toHaveLength(1);
    expect(await count(page, 'reconnecting')).toBe(0);
  });
});
