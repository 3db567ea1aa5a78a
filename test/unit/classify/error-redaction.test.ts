import { describe, expect, it } from 'vitest';
import { classify, lookup, lookupAll } from '../../../src/classify/classify.js';
import { guacamoleProfile } from '../../../machines/guacamole/index.js';
import { sessionErrorFrom } from '../../support/session-error-from.js';

const SECRET = 'S3CR3T-value';

/** Inputs that are no code form and carry a secret, as an app might pass a URL or a log line by mistake. */
const LEAKY: readonly string[] = [
  `wss://gw.example/tunnel?token=${SECRET}`,
  `wss://alice:${SECRET}@gw.example/tunnel`,
  `auth failed: token=${SECRET}`,
  `/tunnel?access_token=${SECRET}&x=1`,
];

describe('SESSION_ERR_INVALID_CODE (redacted echo)', () => {
  it.each(LEAKY)('names %s without its secret, in the message and in value', (input) => {
    const error = sessionErrorFrom(() => classify('guacamole', input));
    expect(error.code).toBe('SESSION_ERR_INVALID_CODE');
    expect(error.message).not.toContain(SECRET);
    expect(error.value).not.toContain(SECRET);
    expect(error.message).toContain('Accepted:');
  });

  it('still names the value: the redacted URL keeps its host and the query key', () => {
    const error = sessionErrorFrom(() => classify('guacamole', `wss://gw.example/t?token=${SECRET}`));
    expect(error.value).toBe('"wss://gw.example/t?token=***"');
  });

  it('redacts in lookup, lookupAll, a { code } status and the profile classifier session.report uses', () => {
    const input = `wss://gw.example/t?token=${SECRET}`;
    const errors = [
      sessionErrorFrom(() => lookup('guacamole', input)),
      sessionErrorFrom(() => lookupAll(input)),
      sessionErrorFrom(() => classify('msra', { code: input, message: 'x' })),
      sessionErrorFrom(() => guacamoleProfile.classify(input, { now: 0 })),
    ];
    for (const error of errors) {
      expect(error.code).toBe('SESSION_ERR_INVALID_CODE');
      expect(`${error.message} ${error.value ?? ''}`).not.toContain(SECRET);
    }
  });

  it('redacts an unknown space or gateway given as a URL', () => {
    const space = sessionErrorFrom(() => classify(`wss://h/?token=${SECRET}` as never, 519));
    const ref = sessionErrorFrom(() => classify('guacamole', { space: `wss://h/?token=${SECRET}`, code: 1 } as never));
    const gateway = sessionErrorFrom(() => classify('guacamole', 519, { gateway: `token=${SECRET}` as never }));
    for (const error of [space, ref, gateway]) {
      expect(error.code).toBe('SESSION_ERR_UNKNOWN_PROTOCOL');
      expect(`${error.message} ${error.value ?? ''}`).not.toContain(SECRET);
    }
  });
});
