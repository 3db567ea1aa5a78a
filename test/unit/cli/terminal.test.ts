import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../../src/cli/args.js';
import { painter, terminalWidth, useColour } from '../../../src/cli/terminal.js';
import { endQuietlyOnClosedPipe, processIo } from '../../../src/cli/stdio.js';

const io = (isTTY: boolean, env: Record<string, string>, columns?: number): CliIo =>
  ({ stdout: () => {}, stderr: () => {}, isTTY, env, ...(columns === undefined ? {} : { columns }) });

describe('useColour', () => {
  it.each([
    [true, {}, true],
    [false, {}, false],
    [true, { NO_COLOR: '1' }, false],
    [true, { NO_COLOR: '' }, false],
    [false, { FORCE_COLOR: '1' }, true],
    [false, { FORCE_COLOR: '' }, true],
    [true, { FORCE_COLOR: '0' }, false],
    [true, { FORCE_COLOR: 'false' }, false],
    [false, { FORCE_COLOR: '3', NO_COLOR: '1' }, true],
  ] as const)('on a TTY: %s, env %j → %s', (isTTY, env, expected) => {
    expect(useColour(io(isTTY, env))).toBe(expected);
  });

  it('paints with SGR codes only when colour is on', () => {
    expect(painter(io(false, { FORCE_COLOR: '1' }))('31', 'x')).toBe('\u001b[31mx\u001b[0m');
    expect(painter(io(true, { NO_COLOR: '1' }))('31', 'x')).toBe('x');
  });
});

describe('terminalWidth', () => {
  it("takes the TTY's columns, else a numeric COLUMNS, else nothing", () => {
    expect(terminalWidth(io(true, { COLUMNS: '200' }, 90))).toBe(90);
    expect(terminalWidth(io(false, { COLUMNS: '120' }, 90))).toBe(120);
    expect(terminalWidth(io(false, { COLUMNS: 'wide' }))).toBeUndefined();
    expect(terminalWidth(io(false, {}))).toBeUndefined();
  });
});

describe('endQuietlyOnClosedPipe', () => {
  type Listener = (error: Error & { code?: string }) => void;
  const stream = () => {
    const listeners: Listener[] = [];
    return {
      listeners,
      write: () => true,
      on: (_event: 'error', listener: Listener) => listeners.push(listener),
    };
  };

  it('exits 0 on EPIPE and rethrows any other stream error', () => {
    const out = stream();
    const exits: number[] = [];
    endQuietlyOnClosedPipe(out, (code) => exits.push(code));
    out.listeners[0]?.(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    expect(exits).toEqual([0]);
    expect(() => out.listeners[0]?.(Object.assign(new Error('EIO'), { code: 'EIO' }))).toThrow('EIO');
  });

  it("gives main the stream's TTY state and width", () => {
    const tty = { ...stream(), isTTY: true, columns: 77 };
    const made = processIo(tty, stream(), () => {});
    expect(made).toMatchObject({ isTTY: true, columns: 77 });
    expect(processIo(stream(), stream(), () => {}).isTTY).toBe(false);
  });
});
