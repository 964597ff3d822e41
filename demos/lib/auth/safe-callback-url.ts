export const DEFAULT_AFTER_LOGIN = '/demo/account'

/**
 * Returns `value` only if it is a same-origin relative path; anything else
 * (`//evil.example`, `https://evil.example`, `/\evil.example`, `javascript:`…)
 * becomes the default page. Used on the server and in the browser.
 */
export function safeCallbackUrl(value: unknown, fallback = DEFAULT_AFTER_LOGIN): string {
  if (typeof value !== 'string' || value.length > 2048) return fallback
  // 1. Only a single leading slash: `//host` and `/\host` are protocol-relative
  //    in browsers (they normalise `\` to `/`).
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback
  // 2. Control characters and backslashes are stripped or rewritten by URL
  //    parsers in ways that can change the host; refuse them outright.
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback
  // 3. Resolve against a placeholder origin; the result must stay on it.
  const base = 'http://callback.invalid'
  let url: URL
  try {
    url = new URL(value, base)
  } catch {
    return fallback
  }
  if (url.origin !== base) return fallback
  return `${url.pathname}${url.search}${url.hash}`
}

export function loginUrl(callbackPath: string) {
  return `/demo/login?callbackUrl=${encodeURIComponent(safeCallbackUrl(callbackPath))}`
}
