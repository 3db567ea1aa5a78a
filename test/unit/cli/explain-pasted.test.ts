import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.js';
import type { CliIo } from '../../../src/cli/main.js';
import { catalogs } from '../../../src/codes/index.js';
import { CODE_SPACES } from '../../../src/codes/types.js';
import { readPasted } from '../../../src/cli/pasted.js';
import { editDistance, suggestNames } from '../../../src/cli/suggest.js';

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), isTTY: false };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/** The heading line of each reading ("frame 4006 ALREADY_IN_ANOTHER_SESSION"), in printed order. */
const readings = (stdout: string): string[] => stdout.split('\n')
  .filter((line) => /^[a-z0-9]+ \S/.test(line) && !line.startsWith('read ') && !line.endsWith('most likely first'));

const allCatalogs = CODE_SPACES.map((space) => catalogs[space]);

describe('session-lifecycle explain, as support engineers paste codes', () => {
  it.each([
    ['Frame 4006', /^frame 4006 ALREADY_IN_ANOTHER_SESSION$/],
    ['SAFERROR 26', /^msra 26 SAFERROR_INVALIDPASSWORD$/],
    ['Error Code 15 softdrive', /^softdrive Error Code 15 /],
    ['Guacamole error 519', /^guacamole 519 \(0x0207\) UPSTREAM_NOT_FOUND$/],
    ['WebSocket closed with code 1006', /^websocket 1006 ABNORMAL_CLOSURE$/],
    ['Connection closed by the gateway: upstream not found', /^guacamole 519 \(0x0207\) UPSTREAM_NOT_FOUND$/],
    ['2026-12-01T10:00:00.123Z ERROR [tunnel] session 42 closed: status=519 after 3 attempts', /^guacamole 519 /],
    ['[12:01:02] WARN client: fwx 0xC0040017 on 10.0.0.5:443', /^tmg 0xC0040017 FWX_E_TCP_NOT_SYN_PACKET_DROPPED$/],
  ])('reads %j, the space it names first', async (pasted, first) => {
    const { code, stdout, stderr } = await run('explain', pasted);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(readings(stdout)[0]).toMatch(first);
  });

  it('says which piece of the pasted text it read', async () => {
    const { stdout } = await run('explain', 'Frame 4006');
    expect(stdout.split('\n')[0]).toBe('read 4006 in "Frame 4006"; 2 readings, most likely first');
    const json = JSON.parse((await run('explain', 'SAFERROR 26', '--json')).stdout) as { readAs: string; found: boolean };
    expect(json).toMatchObject({ readAs: '26', found: true });
  });

  it('shows every reading of a number in several spaces, the named space first, the entry before the block', async () => {
    expect(readings((await run('explain', 'Frame 4006')).stdout)).toEqual([
      'frame 4006 ALREADY_IN_ANOTHER_SESSION', 'websocket 4006 PRIVATE_USE_CODE (block 4000-4999)',
    ]);
    const named = readings((await run('explain', 'Error Code 15 softdrive')).stdout);
    expect(named.map((line) => line.split(' ')[0])).toEqual(['softdrive', 'msra']);
    const plain = await run('explain', '519');
    expect(plain.stdout.split('\n')[0]).toBe('2 readings, most likely first');
    expect(readings(plain.stdout).map((line) => line.split(' ')[0])).toEqual(['guacamole', 'http']);
  });

  it('keeps to --protocol when one is given', async () => {
    const { code, stdout } = await run('explain', 'Error Code 15 softdrive', '--protocol', 'msra');
    expect(code).toBe(0);
    expect(readings(stdout)).toEqual(['msra 15 SAFERROR_SOCKETRECVFAILED']);
  });

  it('gives a number in the space the words name its unknown-code reading, exit 1', async () => {
    const { code, stdout } = await run('explain', 'Guacamole error 9999');
    expect(code).toBe(1);
    expect(readings(stdout)).toEqual(['guacamole 9999 UNKNOWN (not in the catalog)']);
    expect(stdout).toContain('not in the guacamole catalog');
  });

  it('suggests the nearest names for a typo: UPSTREM_NOT_FOUND → did you mean UPSTREAM_NOT_FOUND?', async () => {
    const { code, stdout } = await run('explain', 'UPSTREM_NOT_FOUND');
    expect(code).toBe(1);
    expect(stdout).toMatch(/did you mean UPSTREAM_NOT_FOUND \(guacamole\)\?/i);
    expect(readings(stdout)).toEqual([]);
    const inLog = await run('explain', 'closed: SAFERROR_INVALIDPASWORD');
    expect(inLog.stdout).toMatch(/did you mean SAFERROR_INVALIDPASSWORD \(msra\)/i);
    const json = JSON.parse((await run('explain', 'UPSTREM_NOT_FOUND', '--json')).stdout) as { suggestions: { name: string }[] };
    expect(json.suggestions[0]?.name).toBe('UPSTREAM_NOT_FOUND');
  });

  it('suggests only within --protocol, and suggests nothing for text with no code and no near name', async () => {
    const { code, stdout } = await run('explain', 'SERVR_BUSY', '--protocol', 'guacamole');
    expect(code).toBe(1);
    expect(stdout).toMatch(/did you mean SERVER_BUSY \(guacamole\)\?/i);
    expect((await run('explain', 'SERVR_BUSY', '--protocol', 'msra')).stdout).not.toContain('SERVER_BUSY');
    const nothing = await run('explain', 'the session just went away');
    expect(nothing.code).toBe(1);
    expect(nothing.stdout).toContain('is not in any catalog');
    expect(nothing.stdout).not.toMatch(/did you mean/i);
  });

  it('never echoes a secret from a pasted log line', async () => {
    const { stdout, stderr } = await run('explain', 'GET wss://gw.example/t?token=S3CR3T closed with code 1006');
    expect(`${stdout}${stderr}`).not.toContain('S3CR3T');
    expect(readings(stdout)[0]).toMatch(/^websocket 1006 /);
  });
});

describe('readPasted', () => {
  it('finds the code pieces, cued numbers before others, and skips dates, times, addresses and ports', () => {
    const { codes, hints } = readPasted('2026-12-01 10:00:00 host 10.0.0.5:443 frame: session 42 closed with code 4006', allCatalogs);
    expect(codes.map((piece) => piece.text)).toEqual(['4006', '42']);
    expect(hints).toEqual(['frame']);
  });

  it('reads hints in the order the words come', () => {
    expect(readPasted('Forefront TMG in front of Guacamole: 0xC0040017').hints).toEqual(['tmg', 'guacamole']);
    expect(readPasted('SAFERROR_INVALIDPASSWORD').hints).toEqual(['msra']);
  });

  it('keeps "Error Code NN" whole and spelled-out names with their space', () => {
    expect(readPasted('Error Code 04 during stream').codes[0]).toEqual({ text: 'Error Code 04' });
    expect(readPasted('the server said: other client connected', allCatalogs).codes).toContainEqual({ text: 'OtherClientConnected', space: 'softdrive' });
  });
});

describe('suggestNames', () => {
  it('measures typos: a dropped letter, a swap, a substitution', () => {
    expect(editDistance('UPSTREM', 'UPSTREAM')).toBe(1);
    expect(editDistance('SREVER', 'SERVER')).toBe(1);
    expect(editDistance('BUSY', 'BUSX')).toBe(1);
  });

  it('returns nothing for a word too far from every name, and the exact name at distance 0', () => {
    expect(suggestNames('XYZZYPLUGH', allCatalogs)).toEqual([]);
    expect(suggestNames('server_busy', allCatalogs)[0]).toMatchObject({ name: 'SERVER_BUSY', distance: 0 });
  });
});
