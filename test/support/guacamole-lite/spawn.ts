/**
 * Starts the real guacamole-lite in a child process (child.mjs) and makes tokens for it. The child is killed by
 * `stop()`; call it in afterEach so a failing test leaves no process behind.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createCipheriv, randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';

export interface LiteProcess {
  /** `ws://127.0.0.1:PORT/` */
  readonly url: string;
  readonly child: ChildProcess;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  readonly exited: Promise<number | string>;
  /** A token guacamole-lite decrypts: a VNC connection to a desktop that does not matter (guacd is absent or a stub). */
  token(): string;
  stop(): Promise<void>;
}

const CHILD = fileURLToPath(new URL('./child.mjs', import.meta.url));

export async function startGuacamoleLite(options: { readonly guacd: 'none' | 'stub'; readonly syncEveryMs?: number }): Promise<LiteProcess> {
  const key = randomBytes(16).toString('hex'); // 32 characters: an AES-256 key, made for this test only
  const child = spawn(process.execPath, [CHILD], {
    env: { ...process.env, GUACD: options.guacd, CRYPT_KEY: key, GUACD_SYNC_MS: String(options.syncEveryMs ?? 1000) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{"port"'));
      if (line !== undefined) resolve((JSON.parse(line) as { port: number }).port);
    });
    void exited.then((code) => reject(new Error(`guacamole-lite exited (${code}) before listening: ${err.slice(0, 500)}`)));
  });
  const token = (): string => {
    const iv = randomBytes(16);
    const cipher = createCipheriv('aes-256-cbc', key, iv);
    const settings = { connection: { type: 'vnc', settings: { hostname: '127.0.0.1', port: '5999', password: 'desktop-secret' } } };
    const value = Buffer.concat([cipher.update(JSON.stringify(settings), 'utf8'), cipher.final()]);
    return Buffer.from(JSON.stringify({ iv: iv.toString('base64'), value: value.toString('base64') })).toString('base64');
  };
  return {
    url: `ws://127.0.0.1:${port}/`,
    child,
    exited,
    token,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
