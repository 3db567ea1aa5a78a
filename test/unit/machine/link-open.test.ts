/**
 * A link that opens connections itself (`SessionLink.open`, what createSession gives the machine): no transport actor
 * is spawned, the connection reports through `deliver`, takes its close command through `link.command` and is released
 * through `link.release` when the machine leaves `online`.
 */
import { describe, expect, it } from 'vitest';
import { SimulatedClock, createActor } from 'xstate';
import type { AnyActorRef } from 'xstate';
import { createSessionMachine } from '../../../machines/session.machine.js';
import type { SessionEmitted } from '../../../machines/session.machine.js';
import { guacamoleProfile } from '../../../machines/guacamole/profile.js';
import type { SessionLink, TransportCommand, TransportEvent, TransportInput } from '../../../machines/wire.js';

const machine = createSessionMachine(guacamoleProfile, { retry: { jitter: 'none', initialDelayMs: 1000 } });

function start(open: (input: TransportInput, deliver: (event: TransportEvent) => void) => void) {
  const clock = new SimulatedClock();
  const log: string[] = [];
  const link: SessionLink = {
    lastDataAt: 0, wantActivity: false, onData: () => undefined, send: null, timers: clock,
    open: (input, deliver) => {
      log.push(`open ${input.url.reveal()}`);
      link.command = (command: TransportCommand) => log.push(`command ${command.type}`);
      link.release = () => {
        log.push('release');
        link.command = null;
        link.release = null;
      };
      open(input, deliver);
    },
  };
  const actor = createActor(machine, { clock, input: { url: 'wss://gw.example/t?token=secret', now: () => clock.now(), random: () => 0.5, link } });
  const spawned: string[] = [];
  actor.system.inspect((event) => {
    if (event.type === '@xstate.actor' && event.actorRef !== actor) spawned.push(String((event.actorRef as AnyActorRef).id));
  });
  const emitted: SessionEmitted[] = [];
  actor.on('*', (event) => emitted.push(event as SessionEmitted));
  actor.start();
  return { actor, clock, link, log, spawned, emitted };
}

describe('session machine: a connection opened through the link', () => {
  it('spawns no actor; events come through deliver; a disconnect sends shutdown then releases', () => {
    let deliver: ((event: TransportEvent) => void) | undefined;
    const s = start((_input, d) => {
      deliver = d;
    });
    s.actor.send({ type: 'user.connect' });
    deliver!({ type: 'transport.open' });
    deliver!({ type: 'transport.signal', signal: { kind: 'step', step: 'tunnel' } });
    deliver!({ type: 'transport.signal', signal: { kind: 'step', step: 'sync' } });
    expect(s.emitted.map((e) => e.type)).toContain('ready');
    expect(s.actor.getSnapshot().children).toEqual({});
    s.actor.send({ type: 'user.disconnect' });
    expect(s.log).toEqual(['open wss://gw.example/t?token=secret', 'command transport.shutdown', 'release']);
    expect(s.spawned).toEqual([]);
    expect(s.actor.getSnapshot().value).toBe('closed');
  });

  it('a fault terminates and releases the connection, and the next attempt opens a new one', () => {
    const delivers: ((event: TransportEvent) => void)[] = [];
    const s = start((_input, d) => delivers.push(d));
    s.actor.send({ type: 'user.connect' });
    delivers[0]!({ type: 'transport.open' });
    delivers[0]!({ type: 'transport.close', code: 1006, reason: '', wasClean: false });
    expect(s.log.slice(1)).toEqual(['command transport.terminate', 'release']);
    s.clock.increment(1000);
    expect(delivers).toHaveLength(2);
    expect(s.log.at(-1)).toBe('open wss://gw.example/t?token=secret');
    expect(s.spawned).toEqual([]);
    s.actor.stop();
  });

  it('an open that throws is a failed attempt (redacted), not an errored session', () => {
    const s = start(() => {
      throw new Error('broke opening wss://gw.example/t?token=secret');
    });
    s.actor.send({ type: 'user.connect' });
    const fault = s.emitted.find((e) => e.type === 'fault');
    expect(fault).toMatchObject({ fault: { space: 'guacamole', code: 519 } });
    expect(JSON.stringify(fault)).not.toContain('secret');
    expect(s.actor.getSnapshot().status).toBe('active');
    expect(s.emitted.some((e) => e.type === 'reconnecting')).toBe(true);
    s.actor.stop();
  });
});
