import type { Profile } from '../../machines/profile.js';

/** True for a Profile object (duck-typed: what the session needs from one). */
export function isProfile(value: unknown): value is Profile {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Profile>;
  return typeof candidate.classify === 'function' && typeof candidate.createCodec === 'function'
    && typeof candidate.own === 'function' && Array.isArray(candidate.steps);
}
