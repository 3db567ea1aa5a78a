import { describe, expect, it } from 'vitest';
import { createGuacamoleCodec } from '../../../machines/guacamole/codec.js';
import { createEnvelopeCodec } from '../../../machines/envelope/codec.js';

describe('the Guacamole codec\'s goodbye (the disconnect instruction before a polite close)', () => {
  it('is `disconnect`, once per connection', () => {
    const codec = createGuacamoleCodec();
    expect(codec.goodbyeFrame?.()).toBe('10.disconnect;');
    expect(codec.goodbyeFrame?.()).toBeNull();
    codec.reset();
    expect(codec.goodbyeFrame?.()).toBe('10.disconnect;');
  });

  it('is not sent again when the app (or Guacamole.Client) sent disconnect itself', () => {
    const codec = createGuacamoleCodec();
    expect(codec.encode(['disconnect'])).toBe('10.disconnect;');
    expect(codec.goodbyeFrame?.()).toBeNull();
    const other = createGuacamoleCodec();
    other.encode(['mouse', '1', '2', '0']);
    expect(other.goodbyeFrame?.()).toBe('10.disconnect;');
  });

  it('is absent from the reference envelope, which has no client goodbye', () => {
    expect(createEnvelopeCodec().goodbyeFrame).toBeUndefined();
  });
});
