export const DEFAULT_AFTER_LOGIN = '/demo/account'

// A placeholder origin to resolve against: nothing can be served from `.invalid`.
const base = 'http://callback.invalid'

/**
 * Returns `value` only if it is a same-origin path; anything else
 * (`//evil.example`, `https://evil.example`, `/\evil.example`, `/.//evil.example`,
 * `javascript:`…) becomes the default page. Used on the server and in the browser.
 *
 * What is judged is the path after normalization, not the input: `new URL`
 * resolves dot segments (`/./`, `/%2e/`, `/a/../`) and can turn `/.//evil.example`
 * into `//evil.example`, which a browser then reads as another host.
 */
export function safeCallbackUrl(value: unknown, fallback = DEFAULT_AFTER_LOGIN): string {
  if (typeof value !== 'string' || value.length > 2048 || !value.startsWith('/')) return fallback
  // 1. Control characters and backslashes are stripped or rewritten by URL
  //    parsers in ways that can change the host; refuse them outright.
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback
  // 2. Normalize: resolve against the placeholder origin.
  let url: URL
  try {
    url = new URL(value, base)
  } catch {
    return fallback
  }
  // 3. The result must stay on that origin and start with exactly one slash.
  const path = `${url.pathname}${url.search}${url.hash}`
  if (url.origin !== base || !isSingleSlashPath(path)) return fallback
  // 4. And it must mean the same thing when the browser parses it again.
  if (new URL(path, base).href !== url.href) return fallback
  return path
}

function isSingleSlashPath(path: string) {
  return path.startsWith('/') && path[1] !== '/' && path[1] !== '\\'
}

export function loginUrl(callbackPath: string) {
  return `/demo/login?callbackUrl=${encodeURIComponent(safeCallbackUrl(callbackPath))}`
}
