/** The public projection UIs read on every snapshot: the state path and the phase from the machine's tags. */
import { describe, expect, it } from 'vitest';
import { projectSession, statePath } from '../../../machines/project.js';
import type { SessionContext } from '../../../machines/session.machine.js';

describe('statePath', () => {
  it('renders a top-level state, a nested one, and nothing for a non-value', () => {
    expect(statePath('idle')).toBe('idle');
    expect(statePath({ active: { online: { ready: 'healthy' } } })).toBe('active.online.ready.healthy');
    expect(statePath({ active: {} })).toBe('active');
    expect(statePath(null)).toBe('');
    expect(statePath(undefined)).toBe('');
    expect(statePath({})).toBe('');
  });

  it('joins parallel regions with | inside parentheses, at any depth', () => {
    expect(statePath({ a: 'x', b: { c: 'y' } })).toBe('(a.x|b.c.y)');
    expect(statePath({ top: { a: 'x', b: 'y', c: {} } })).toBe('top.(a.x|b.y|c)');
  });
});

describe('projectSession', () => {
  const context = { connectivity: 'ready', attempt: 2, cause: null } as unknown as SessionContext;
  const snapshot = (value: unknown, tags: readonly string[]) => ({ context, value, hasTag: (tag: string) => tags.includes(tag) });

  it('takes the phase from the phase tag, and pre-session when there is none', () => {
    expect(projectSession(snapshot({ active: { online: 'connecting' } }, ['phase:connect'])).phase).toBe('connect');
    expect(projectSession(snapshot({ active: { online: { ready: 'unstable' } } }, ['phase:stream', 'phase:keepalive'])).phase).toBe('keepalive');
    expect(projectSession(snapshot('idle', [])).phase).toBe('pre-session');
  });

  it('projects connectivity, attempt, reconnecting, state and cause from the snapshot', () => {
    expect(projectSession(snapshot({ active: { online: { ready: 'healthy' } } }, ['phase:stream']))).toEqual({
      connectivity: 'ready', phase: 'stream', reconnecting: false, attempt: 2, state: 'active.online.ready.healthy', cause: null,
    });
  });

  it('says reconnecting while an outage is recovered by the session itself, and not when ready, asking the user or over', () => {
    const during = { ...context, outageStartedAt: 1000 } as unknown as SessionContext;
    const at = (value: unknown, ctx: SessionContext = during) => projectSession({ context: ctx, value, hasTag: () => false }).reconnecting;
    expect(at({ active: { backoff: 'waiting' } })).toBe(true);
    expect(at({ active: 'resolving' })).toBe(true);
    expect(at({ active: { online: 'connecting' } })).toBe(true);
    expect(at({ active: { online: { handshaking: 'sync' } } })).toBe(true);
    expect(at({ active: 'fault' })).toBe(true);
    expect(at('suspended')).toBe(true);
    expect(at({ active: { online: { ready: 'healthy' } } })).toBe(false);
    expect(at({ active: { online: { ready: 'unstable' } } })).toBe(false);
    expect(at({ active: { awaiting: 'auth' } })).toBe(false);
    expect(at({ active: { awaiting: 'decision' } })).toBe(false);
    expect(at('closed')).toBe(false);
    expect(at('failed')).toBe(false);
    // The first connect is no outage.
    const fresh = { ...context, outageStartedAt: null } as unknown as SessionContext;
    expect(at({ active: { online: 'connecting' } }, fresh)).toBe(false);
    expect(at('suspended', fresh)).toBe(false);
  });
});
