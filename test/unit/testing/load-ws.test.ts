import { describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { loadWs } from '../../../src/testing/load-ws.js';
import { isSessionError } from '../../../src/errors/index.js';
import { defaultCliContext, main } from '../../../src/cli/main.js';
import { EXIT } from '../../../src/cli/args.js';

describe('ws, an optional peer dependency', () => {
  it('loads ws when it is installed (named exports, or all on default as CommonJS through import())', async () => {
    const ws = await loadWs('test');
    expect(ws.WebSocketServer).toBe(WebSocketServer);
    expect((await loadWs('test', async () => ({ default: { WebSocket, WebSocketServer } }))).WebSocket).toBe(WebSocket);
  });

  it('is SESSION_ERR_MISSING_PEER naming what needs it and the install command when it is not installed', async () => {
    const missing = Object.assign(new Error("Cannot find package 'ws'"), { code: 'ERR_MODULE_NOT_FOUND' });
    const error = await loadWs('createFaultServer', () => Promise.reject(missing)).catch((caught: unknown) => caught);
    expect(isSessionError(error, 'SESSION_ERR_MISSING_PEER')).toBe(true);
    expect((error as Error).message).toBe("createFaultServer needs the 'ws' package, an optional peer dependency of session-lifecycle: npm install ws");
    expect((error as Error & { cause?: unknown }).cause).toBe(missing);
  });

  it('refuses something that is not ws 8 with the same code', async () => {
    const error = await loadWs('demo', async () => ({ default: {} })).catch((caught: unknown) => caught);
    expect(isSessionError(error, 'SESSION_ERR_MISSING_PEER')).toBe(true);
    expect((error as Error).message).toContain('npm install ws@8');
  });

  it('the CLI turns a missing peer into a message and exit 69, not a stack trace', async () => {
    let stderr = '';
    const io = { stdout: () => undefined, stderr: (text: string) => void (stderr += text), isTTY: false };
    const command = {
      name: 'needs-ws', summary: 'x', usage: 'x',
      run: async () => {
        await loadWs('session-lifecycle needs-ws', () => Promise.reject(new Error('not found')));
        return EXIT.ok;
      },
    };
    expect(await main(['needs-ws'], io, defaultCliContext(), new Map([['needs-ws', command]]))).toBe(EXIT.unavailable);
    expect(stderr).toBe("session-lifecycle needs-ws: session-lifecycle needs-ws needs the 'ws' package, an optional peer dependency of session-lifecycle: npm install ws\n");
  });
});
