/**
 * The session's URL resolver: calls the URL source before every attempt (fresh tokens) and keeps the app's
 * own error inside, since a token service's error text may carry the very credentials the SDK hides.
 */
import { fromPromise } from 'xstate';
import { ResolvedUrl } from './secret-url.js';
import type { SecretUrlSource } from './secret-url.js';

/** Why `url()` failed, without its message: a token service's error text may carry the very credentials we hide. */
export class UrlResolutionError extends Error {
  override readonly name = 'UrlResolutionError' as const;
}

function describeUrlFailure(error: unknown): string {
  if (!(error instanceof Error)) return `url() failed (threw ${error === null ? 'null' : typeof error})`;
  const code = (error as { code?: unknown }).code;
  return `url() failed (${error.name}${typeof code === 'string' && /^[A-Z0-9_]{1,40}$/.test(code) ? ` ${code}` : ''})`;
}

/**
 * Calls the URL source. The app's own error never leaves this actor (it would reach the error event, the
 * actor snapshot and so inspector traces): only its class name and error code do.
 */
export const resolveUrl = fromPromise<ResolvedUrl, { readonly url: SecretUrlSource }>(async ({ input }) => {
  let url: unknown;
  try {
    url = await input.url.resolve();
  } catch (error) {
    throw new UrlResolutionError(describeUrlFailure(error));
  }
  if (typeof url !== 'string' || url.length === 0) throw new UrlResolutionError(`url() must return a non-empty string (got ${url === '' ? 'an empty string' : typeof url})`);
  return new ResolvedUrl(url);
});
