/**
 * The guacamole-common-js adapter in real Chromium with the real library (npm guacamole-common-js 1.5.0), through
 * the example client (examples/guacamole-common-js, bundled as a user would): Guacamole.Client draws while the
 * session runs the lifecycle. Pixels are read from the client's display; guacd is played by the guacd stand-in
 * (test/support/browser/guacd-server.ts: real drawing, which the fault server's truncated PNG cannot give) and by the
 * fault server where it suffices (auth failure, input).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createFaultServer, step } from '../../../src/testing/index.js';
import type { FaultServer } from '../../../src/testing/index.js';
import { launchChromium } from '../../support/browser/chromium.js';
import type { PageServer } from '../../support/browser/chromium.js';
import { serveGuacamoleExample } from '../../support/browser/example-page.js';
import { startGuacdServer } from '../../support/browser/guacd-server.js';
import type { GuacdServer } from '../../support/browser/guacd-server.js';
import { drawPng, fillRect, layerWith, size, sync } from '../../support/browser/guacd-drawing.js';

const RED = [255, 0, 0, 255];
const GREEN = [0, 255, 0, 255];
const BLUE = [0, 0, 255, 255];

let browser: Browser;
let pages: PageServer;
let context: BrowserContext | undefined;
let guacd: GuacdServer | undefined;
let fault: FaultServer | undefined;

beforeAll(async () => {
  browser = await launchChromium();
  pages = await serveGuacamoleExample();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await pages?.close();
});

afterEach(async () => {
  await context?.close();
  await guacd?.close();
  await fault?.close();
  context = undefined;
  guacd = undefined;
  fault = undefined;
});

/** Uncaught errors in the page; every test requires none (beyond the one noted where the fault server draws). */
let pageErrors: Error[] = [];

async function example(url: string): Promise<Page> {
  context = await browser.newContext();
  const page = await context.newPage();
  pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error));
  await page.goto(`${pages.url}?ws=${encodeURIComponent(url)}`);
  await page.waitForFunction(() => 'guacamoleExample' in window);
  return page;
}

/**
 * The fault server's handshake streams an `img` whose `blob` is only a PNG's first bytes: guacamole-common-js cannot
 * decode it and its display throws InvalidStateError from drawImage, in the image's load callback (not in the adapter).
 */
const onlyTruncatedPngErrors = (): string[] => pageErrors.map((error) => `${error.name}: ${error.message}`).filter((text) => !/^InvalidStateError: The source image could not be decoded/.test(text));

interface ExampleWindow {
  guacamoleExample: {
    session: { state: { state: string; reconnecting: boolean } };
    attachment: { client: { getDisplay(): { flatten(): HTMLCanvasElement; getElement(): HTMLElement } }; tunnel: { state: number } };
  };
}

/** The RGBA of one pixel of what the current client's display shows (every visible layer flattened). */
const pixel = (page: Page, x: number, y: number): Promise<number[]> => page.evaluate(([px, py]) => {
  const canvas = (window as unknown as ExampleWindow).guacamoleExample.attachment.client.getDisplay().flatten();
  return Array.from(canvas.getContext('2d')!.getImageData(px!, py!, 1, 1).data);
}, [x, y]);

async function untilPixel(page: Page, x: number, y: number, rgba: number[]): Promise<void> {
  await page.waitForFunction(([px, py, want]) => {
    const canvas = (window as unknown as ExampleWindow).guacamoleExample.attachment.client.getDisplay().flatten();
    if (canvas.width <= px! || canvas.height <= py!) return false;
    return Array.from(canvas.getContext('2d')!.getImageData(px!, py!, 1, 1).data).join() === (want as number[]).join();
  }, [x, y, rgba] as const, { timeout: 10_000 });
}

describe('guacamole-common-js over the session in Chromium', () => {
  it('draws guacd-style frames (rect/cfill, a layer of its own, a PNG stream) and after a dropped link only the new connection\'s', async () => {
    guacd = await startGuacdServer({
      onConnection: (c) => c.send(c.index === 0
        ? size(64, 64) + fillRect(0, [255, 0, 0], 0, 0, 64, 64) + layerWith(1, [0, 255, 0], 32, 32, 32, 32) + sync(1)
        : size(64, 64) + drawPng(1, 0, [0, 0, 255], 0, 0, 64, 64) + sync(2)),
    });
    const page = await example(guacd.url);
    await untilPixel(page, 8, 8, RED);
    expect(await pixel(page, 48, 48)).toEqual(GREEN);
    const firstDisplay = await page.evaluateHandle(() => (window as unknown as ExampleWindow).guacamoleExample.attachment.client.getDisplay().getElement());

    guacd.connections[0]!.drop();
    const shown = await page.waitForFunction(() => {
      const text = document.getElementById('banner')!.textContent!;
      return text.startsWith('Connection lost') ? text : false;
    });
    expect(await shown.jsonValue()).toMatch(/Reconnecting in \d+ s \(attempt 1\)/);

    await untilPixel(page, 8, 8, BLUE);
    // The old connection's layer 1 (green) is gone with its client: the new display is all blue.
    expect(await pixel(page, 48, 48)).toEqual(BLUE);
    expect(await page.evaluate(() => document.getElementById('banner')!.hidden)).toBe(true);
    expect(await page.evaluate((old) => {
      const host = document.getElementById('display')!;
      return { children: host.children.length, oldAttached: old.isConnected };
    }, firstDisplay)).toEqual({ children: 1, oldAttached: false });
    expect(guacd.connections).toHaveLength(2);
    // One acknowledgement per frame, from the client that drew it, on the connection that sent it.
    expect(guacd.connections[0]!.of('sync')).toEqual([['sync', '1']]);
    expect(guacd.connections[1]!.of('sync')).toEqual([['sync', '2']]);
    expect(pageErrors).toEqual([]);
  });

  it("sends guacd one nop per 5 s (the transport's; the client's own are dropped) and the tunnel's pings", async () => {
    guacd = await startGuacdServer({ onConnection: (c) => c.send(size(16, 16) + fillRect(0, [255, 0, 0], 0, 0, 16, 16) + sync(1)) });
    const page = await example(guacd.url);
    await untilPixel(page, 4, 4, RED);
    const link = guacd.connections[0]!;
    await expect.poll(() => link.of('').length, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    expect(link.of('nop')).toHaveLength(1);
    expect(pageErrors).toEqual([]);
  });

  it('shows needs-auth on 769 and opens no second connection', async () => {
    fault = await createFaultServer({ protocol: 'guacamole', script: [step.handshake(), step.status(769, 'Invalid login')] });
    const page = await example(fault.url);
    await page.waitForFunction(() => document.getElementById('banner')!.textContent!.startsWith('Your sign-in has expired.'));
    const state = await page.evaluate(() => {
      const { session, attachment } = (window as unknown as ExampleWindow).guacamoleExample;
      return { state: session.state.state, reconnecting: session.state.reconnecting, tunnel: attachment.tunnel.state };
    });
    // Waiting for the user: no backoff, no attempt pending; the tunnel stays UNSTABLE (it had opened), not CLOSED.
    expect(state).toEqual({ state: 'active.awaiting.auth', reconnecting: false, tunnel: 3 });
    expect(fault.connections).toHaveLength(1);
    expect(onlyTruncatedPngErrors()).toEqual([]);
  });

  // On the guacd stand-in: the fault server's handshake image cannot be decoded, which leaves the real client's display
  // at 0×0 (its frame never completes), so there is nothing to move the mouse over.
  it('sends mouse moves over the display to the server as mouse instructions', async () => {
    guacd = await startGuacdServer({ onConnection: (c) => c.send(size(64, 64) + fillRect(0, [255, 0, 0], 0, 0, 64, 64) + sync(1)) });
    const page = await example(guacd.url);
    await untilPixel(page, 4, 4, RED);
    const box = (await page.locator('#display').boundingBox())!;
    await page.mouse.move(box.x + 20, box.y + 15);
    await page.mouse.move(box.x + 40, box.y + 30);
    const link = guacd.connections[0]!;
    await expect.poll(() => link.of('mouse').length, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    expect(link.of('mouse')).toContainEqual(['mouse', '20', '15', '0']);
    expect(link.of('mouse')).toContainEqual(['mouse', '40', '30', '0']);
    expect(pageErrors).toEqual([]);
  });
});
