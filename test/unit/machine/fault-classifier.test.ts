import { describe, expect, it } from 'vitest';
import { createFaultClassifier } from '../../../machines/fault-classifier.js';
import { guacamoleProfile } from '../../../machines/guacamole/profile.js';
import { frameProfile } from '../../../machines/frame/profile.js';

const error = (code: string | undefined, beforeOpen: boolean) => ({
  type: 'transport.error' as const,
  failure: { ...(code === undefined ? {} : { code }), message: `socket failed (${code ?? 'no code'})`, beforeOpen },
});

describe('fault classifier: socket error codes', () => {
  it('a code the catalogs know keeps its meaning (ECONNREFUSED: the connect failed, via errno)', () => {
    const fault = createFaultClassifier(guacamoleProfile).error(error('ECONNREFUSED', true), 0);
    expect(fault).toMatchObject({ space: 'guacamole', code: 519, via: { space: 'errno', code: 'ECONNREFUSED', known: true } });
  });

  it('a code no catalog knows (a newer Node code, or errno in a browser build run over ws) is an unknown network failure with a bounded retry, not an unclassifiable signal', () => {
    for (const profile of [guacamoleProfile, frameProfile]) {
      const faults = createFaultClassifier(profile);
      const before = faults.error(error('ENOTACODEYET', true), 0);
      expect(before).toMatchObject({ space: profile.id, code: profile.local.connectFailed, outcome: 'retry' });
      expect(before.via).toMatchObject({ space: 'errno', code: 'ENOTACODEYET', known: false, outcome: 'retry', message: 'socket failed (ENOTACODEYET)' });
      const after = faults.error(error('ERR_SOMETHING_NEW', false), 0);
      expect(after).toMatchObject({ space: profile.id, code: profile.local.severed });
      expect(after.via).toMatchObject({ known: false, code: 'ERR_SOMETHING_NEW' });
      expect(after.code).not.toBe(profile.local.protocolError);
    }
  });
});
