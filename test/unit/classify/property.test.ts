import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { createClassifier } from '../../../src/classify/create-classifier.js';
import { SessionError } from '../../../src/errors/index.js';
import type { Classification } from '../../../src/codes/types.js';
import { fixtureCatalogs } from '../../support/fixture-catalogs.js';

const classifier = createClassifier(fixtureCatalogs);
const spaces = fc.constantFrom(...classifier.spaces);

const codeStrings = fc.oneof(
  fc.integer({ min: -(2 ** 31), max: 2 ** 32 - 1 }).map(String),
  fc.integer({ min: 0, max: 2 ** 32 - 1 }).map((n) => `0x${n.toString(16)}`),
  fc.integer({ min: 0, max: 9999 }).map((n) => `Error Code ${String(n).padStart(2, '0')}`),
  fc.constantFrom('SERVER_BUSY', 'FWX_E_TIMEOUT', 'ECONNREFUSED', '__proto__', 'constructor', 'Guest Agent not Responding', '0x', '', ' ', '-0', '12abc'),
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

const numbers = fc.oneof(fc.integer(), fc.double(), fc.bigInt().map(Number), fc.constantFrom(2 ** 53, -(2 ** 31), 2 ** 32 - 1, 2 ** 32, -0));

const signals = fc.oneof(
  fc.anything({ withBigInt: true, withBoxedValues: true, withDate: true, withMap: true, withNullPrototype: true, withObjectString: true, withSet: true, withTypedArray: true, withSparseArray: true }),
  codeStrings,
  numbers,
  fc.record({ code: fc.oneof(numbers, codeStrings), reason: fc.option(fc.string({ maxLength: 300 }), { nil: undefined }), wasClean: fc.boolean() }),
  fc.record({ code: fc.oneof(numbers, codeStrings), message: fc.string() }),
  fc.record({ status: numbers, retryAfter: fc.oneof(fc.string(), numbers) }),
  fc.record({ space: fc.oneof(spaces, fc.string()), code: fc.oneof(numbers, codeStrings) }),
);

function isDeepFrozen(value: Classification): boolean {
  return Object.isFrozen(value) && Object.isFrozen(value.phases) && (value.via === undefined || isDeepFrozen(value.via));
}

describe('classify (any input)', () => {
  test.prop([spaces, signals, fc.option(fc.constantFrom('tmg' as const), { nil: undefined })], { numRuns: 2000 })(
    'returns a frozen Classification or throws a SessionError, never anything else',
    (space, signal, gateway) => {
      let result: Classification;
      try {
        result = classifier.classify(space, signal as never, gateway === undefined ? undefined : { gateway, now: () => 0 });
      } catch (error) {
        expect(error).toBeInstanceOf(SessionError);
        expect(['SESSION_ERR_INVALID_CODE', 'SESSION_ERR_UNKNOWN_PROTOCOL']).toContain((error as SessionError).code);
        return;
      }
      expect(isDeepFrozen(result)).toBe(true);
      expect(typeof result.name).toBe('string');
      expect(classifier.spaces).toContain(result.space);
      if (!result.known) expect(result.outcome).toBe('retry');
      if (result.message !== undefined) expect(result.message.length).toBeLessThanOrEqual(200);
    },
  );

  test.prop([fc.anything()])('lookupAll returns known results or throws SESSION_ERR_INVALID_CODE', (code) => {
    try {
      const results = classifier.lookupAll(code as never);
      for (const result of results) expect(result.known).toBe(true);
    } catch (error) {
      expect(error).toBeInstanceOf(SessionError);
    }
  });
});
