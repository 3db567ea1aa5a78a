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
      connectivity: 'ready', phase: 'stream', reconnecting: true, attempt: 2, state: 'active.online.ready.healthy', cause: null,
    });
  });
});
