import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createSession } from '../../../src/session/core.js';
import { guacamoleProfile } from '../../../machines/guacamole/index.js';
import { withTmgGateway } from '../../../machines/tmg/index.js';
import { isSessionError } from '../../../src/errors/index.js';

describe("createSession from 'session-lifecycle/session' (Profile objects only)", () => {
  it('creates an idle session for a Profile object, with a stacked gateway profile too', () => {
    const session = createSession({ protocol: withTmgGateway(guacamoleProfile), url: 'ws://127.0.0.1:1/', WebSocket, environment: false });
    expect(session.state).toMatchObject({ connectivity: 'idle', state: 'idle' });
    expect(session.report(12208).space).toBe('tmg');
    session.disconnect();
  });

  it('rejects a protocol id, pointing at the main entry', () => {
    const call = () => createSession({ protocol: 'guacamole' as never, url: 'ws://127.0.0.1:1/', WebSocket });
    expect(call).toThrowError(/protocol must be a Profile object here.*protocol ids are accepted by createSession from 'session-lifecycle'/);
    try {
      call();
    } catch (error) {
      expect(isSessionError(error, 'SESSION_ERR_UNKNOWN_PROTOCOL')).toBe(true);
    }
  });

  it('rejects the gateway option, pointing at withTmgGateway', () => {
    expect(() => createSession({ protocol: guacamoleProfile, url: 'ws://127.0.0.1:1/', WebSocket, gateway: 'tmg' } as never))
      .toThrowError(/gateway is not an option here: stack it on the profile, protocol: withTmgGateway\(profile\)/);
  });

  it('validates the shared options the same way as the main entry', () => {
    expect(() => createSession({ protocol: guacamoleProfile, url: 'ftp://x/', WebSocket })).toThrowError('url must use ws:, wss:, http: or https: (got ftp:)');
  });
});
