/**
 * The official client, guacamole-common-js, against the fault server in both Guacamole dialects, in real Chromium:
 * it must reach CONNECTED and see the same statuses the SDK reports for the same script (issue 11). Proof that the
 * fault server speaks the wire the way real peers expect.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createFaultServer, step } from '../../../src/testing/index.js';
import type { FaultServer, FaultStep, GuacamoleDialect } from '../../../src/testing/index.js';
import { launchChromium } from '../../support/browser/chromium.js';
import type { PageServer } from '../../support/browser/chromium.js';
import { serveGuacamoleCommonPage } from '../../support/browser/guacamole-common-page.js';
import type { GuacLog } from '../../support/browser/guacamole-common-page.js';
import { startSession } from '../../support/session-harness.js';
import type { SessionHarness } from '../../support/session-harness.js';

const CONNECTED = 3;
let browser: Browser;
let pages: PageServer;
let context: BrowserContext | undefined;
let server: FaultServer | undefined;
let harness: SessionHarness | undefined;

beforeAll(async () => {
  browser = await launchChromium();
  pages = await serveGuacamoleCommonPage();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await pages?.close();
});

afterEach(async () => {
  harness?.session.disconnect();
  await context?.close();
  await server?.close();
  context = undefined;
  server = undefined;
  harness = undefined;
});

async function official(url: string): Promise<Page> {
  context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${pages.url}?ws=${encodeURIComponent(url)}`);
  return page;
}

const guacLog = (page: Page): Promise<GuacLog> => page.evaluate(() => (window as unknown as { __guac: GuacLog }).__guac);

/** Runs the script for the official client (connection 0) and for createSession (connection 1). */
async function both(dialect: GuacamoleDialect, script: readonly FaultStep[]): Promise<{ page: Page; sdk: SessionHarness }> {
  server = await createFaultServer({ protocol: 'guacamole', dialect, script });
  const page = await official(server.url);
  await page.waitForFunction(() => (window as unknown as { __guac: GuacLog }).__guac.errors.length > 0, undefined, { timeout: 10_000 });
  const sdk = startSession({ protocol: 'guacamole', url: server.url, retry: { maxAttempts: 1, jitter: 'none' } });
  harness = sdk;
  sdk.session.connect();
  await sdk.until(() => sdk.of('fault').length > 0);
  return { page, sdk };
}

for (const dialect of ['guacamole-client', 'guacamole-lite'] as const) {
  describe(`guacamole-common-js in Chromium against the fault server, dialect ${dialect}`, () => {
    it('reaches CONNECTED on the handshake and sees the same numeric status as the SDK (519)', async () => {
      const { page, sdk } = await both(dialect, [step.handshake(), step.stream(20, 200), step.status(519, 'Upstream not found')]);
      const seen = await guacLog(page);
      expect(seen.states).toContain(CONNECTED);
      expect(seen.opcodes).toEqual(expect.arrayContaining(['size', 'img', 'blob', 'end', 'sync', 'error']));
      expect(seen.errors[0]).toEqual({ code: 519, message: 'Upstream not found' });
      expect(sdk.of('ready')).toHaveLength(1);
      expect(sdk.of('fault')[0]!.fault).toMatchObject({ code: seen.errors[0]!.code, message: 'Upstream not found' });
    });

    it("decodes the fault server's guacd-like frames (a PNG stream) and acknowledges their syncs, as it does guacd's", async () => {
      server = await createFaultServer({ protocol: 'guacamole', dialect, script: [step.handshake(), step.stream(5, 2000)] });
      await official(server.url);
      // A frame is finished (and its sync acknowledged) only once its image has decoded: a broken PNG never acks.
      await vi.waitFor(() => expect(server!.connections[0]!.received.some((m) => /^4\.sync,/.test(String(m)))).toBe(true), { timeout: 10_000 });
    });

    it('sees 769 as the SDK does (needs-auth)', async () => {
      const { page, sdk } = await both(dialect, [step.handshake(), step.status(769, 'Invalid login')]);
      expect((await guacLog(page)).errors[0]).toEqual({ code: 769, message: 'Invalid login' });
      expect(sdk.of('needs-auth')[0]!.cause.code).toBe(769);
    });
  });
}

describe('guacamole-common-js in Chromium against the guacamole-lite dialect: text codes', () => {
  it('reads SERVICE_UNAVAILABLE as status NaN with the same message; the SDK keeps the text code and retries', async () => {
    const { page, sdk } = await both('guacamole-lite', [step.gatewayError('SERVICE_UNAVAILABLE')]);
    expect((await guacLog(page)).errors[0]).toEqual({ code: null, message: 'Desktop service unavailable' });
    expect(sdk.of('fault')[0]!.fault).toMatchObject({ code: 'SERVICE_UNAVAILABLE', outcome: 'retry-later', message: 'Desktop service unavailable' });
  });

  it("stays CONNECTED on guacd's idle syncs although its pings are never echoed", async () => {
    server = await createFaultServer({ protocol: 'guacamole', dialect: 'guacamole-lite', script: [step.handshake()] });
    const page = await official(server.url);
    await page.waitForFunction(() => (window as unknown as { __guac: GuacLog }).__guac.states.includes(3), undefined, { timeout: 10_000 });
    await page.waitForFunction(() => (window as unknown as { __guac: GuacLog }).__guac.opcodes.filter((op) => op === 'sync').length >= 3, undefined, { timeout: 10_000 });
    const seen = await guacLog(page);
    expect(seen.states.at(-1)).toBe(CONNECTED);
    expect(seen.errors).toEqual([]);
    expect(server.connections[0]!.received.some((frame) => String(frame).startsWith('0.,4.ping,'))).toBe(true);
  });
});
