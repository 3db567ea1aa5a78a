import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.js';
import type { CliIo } from '../../../src/cli/main.js';

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), isTTY: false };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

describe('session-lifecycle explain', () => {
  it('explains a Guacamole code with outcome, phases, fix and the retry answer in words, exit 0', async () => {
    const { code, stdout, stderr } = await run('explain', '519');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^guacamole 519 \(0x0207\) UPSTREAM_NOT_FOUND$/m);
    expect(stdout).toContain('retries automatically with backoff');
    expect(stdout).toMatch(/phases\s+connect/);
    expect(stdout).toMatch(/fix\s+\S/);
  });

  it('lists every space that has the code when no protocol is given', async () => {
    const { code, stdout } = await run('explain', '4006');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^frame 4006 /m);
    expect(stdout).toMatch(/^websocket 4006 .*\(block 4000-4999\)$/m);
    expect(stdout).toContain('stops and asks the user what to do');
  });

  it('reads TMG values in any notation and prints them as hex', async () => {
    for (const value of ['0xC0040017', '-1073479657', '3221487639']) {
      const { code, stdout } = await run('explain', value, '--protocol', 'tmg');
      expect(code, value).toBe(0);
      expect(stdout, value).toMatch(/^tmg 0xC0040017 FWX_E_/m);
    }
  });

  it('states the floor of a retry-later code in plain words', async () => {
    const { stdout } = await run('explain', 'Error Code 13', '--protocol', 'softdrive');
    expect(stdout).toMatch(/waits at least \d+(\.\d)? (s|min), then retries/);
  });

  it('reads a number the protocol lacks through the TMG gateway with --gateway tmg', async () => {
    const { code, stdout } = await run('explain', '0xC0040017', '--protocol', 'guacamole', '--gateway', 'tmg');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^tmg 0xC0040017/m);
  });

  it('prints parseable JSON with --json', async () => {
    const { code, stdout } = await run('explain', '502', '--json');
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout) as { input: string; found: boolean; results: { space: string; known: boolean }[] };
    expect(parsed.input).toBe('502');
    expect(parsed.found).toBe(true);
    expect(parsed.results.map((r) => r.space)).toEqual(expect.arrayContaining(['http', 'tmg']));
  });

  it('exits 1 with a helpful line when no catalog has the code', async () => {
    const { code, stdout } = await run('explain', '987654');
    expect(code).toBe(1);
    expect(stdout).toContain('"987654" is not in any catalog');
    expect(stdout).toContain('session-lifecycle catalog');
  });

  it('exits 1 and still classifies an unknown code for a given protocol', async () => {
    const { code, stdout } = await run('explain', '4999', '--protocol', 'guacamole');
    expect(code).toBe(1);
    expect(stdout).toContain('not in the catalog');
    expect(stdout).toContain('not in the guacamole catalog');
    const json = await run('explain', '4999', '--protocol', 'guacamole', '--json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ found: false, results: [{ known: false, code: 4999 }] });
  });

  it.each([
    [['explain'], 'missing <code>'],
    [['explain', '519', '520'], 'one code at a time'],
    [['explain', '519', '--bogus'], "'--bogus'"],
    [['explain', '519', '--protocol'], 'argument missing'],
    [['explain', '519', '--protocol', 'rdp'], 'unknown protocol "rdp"'],
    [['explain', '519', '--protocol', 'guacamole', '--gateway', 'squid'], 'unknown gateway "squid"'],
    [['explain', '12abc'], 'Cannot classify "12abc"'],
    [['explain', '-5', '--protocol', 'guacamole'], 'negative numbers are HRESULTs'],
  ])('exits 2 with a message on stderr for %j', async (argv, message) => {
    const { code, stdout, stderr } = await run(...argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
    expect(stderr).toContain('Usage: session-lifecycle explain');
  });

  it('unwraps a FACILITY_WIN32 HRESULT to its Win32 code and shows the HRESULT as via', async () => {
    for (const argv of [['explain', '0x8007052E'], ['explain', '-2147023570', '--protocol', 'win32'], ['explain', '0x8007052E', '--protocol', 'msra']]) {
      const { code, stdout } = await run(...argv);
      expect(code, argv.join(' ')).toBe(0);
      expect(stdout, argv.join(' ')).toMatch(/^win32 1326 ERROR_LOGON_FAILURE$/m);
      expect(stdout, argv.join(' ')).toMatch(/via\s+win32 0x8007052E HRESULT_FROM_WIN32/);
      expect(stdout, argv.join(' ')).toContain('stops and asks for new credentials');
    }
  });

  it('never echoes a secret from a malformed code, an extra argument or a bad protocol', async () => {
    for (const argv of [
      ['explain', 'wss://gw.example/t?token=S3CR3T'],
      ['explain', 'auth failed: token=S3CR3T', '--protocol', 'guacamole'],
      ['explain', '519', 'wss://gw.example/t?token=S3CR3T'],
      ['explain', '519', '--protocol', 'token=S3CR3T'],
    ]) {
      const { code, stdout, stderr } = await run(...argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(`${stdout}${stderr}`, argv.join(' ')).not.toContain('S3CR3T');
    }
    const { stderr } = await run('explain', 'wss://gw.example/t?token=S3CR3T');
    expect(stderr).toContain('Cannot classify "wss://gw.example/t?token=***"');
  });

  it('prints its help on stdout with --help', async () => {
    const { code, stdout } = await run('explain', '--help');
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: session-lifecycle explain <code>');
  });
});
