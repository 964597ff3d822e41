import type { NextRequest } from 'next/server'

// Kept free of `server-only` so proxy.ts can import it.

// #region demo-policy
/**
 * The policy of the live demo pages, which render per request anyway (they
 * read cookies), so each response can carry a fresh nonce. Next.js reads the
 * nonce from the request's own Content-Security-Policy header and stamps its
 * scripts with it; `'strict-dynamic'` lets those scripts load the chunks they
 * import. An injected `<script>` has no nonce and does not run.
 */
export function demoPagePolicy(nonce: string): string {
  const dev = process.env.NODE_ENV !== 'production'
  return [
    "default-src 'self'",
    // The two inline scripts the docs theme renders without a nonce: next-themes
    // (colour mode before paint) and the banner's "dismissed" check. Pinned by
    // hash; tests/e2e/security-headers.spec.ts fails on any violation, so a theme
    // upgrade that changes them is caught. React needs eval only in development.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic' ${THEME_SCRIPT_HASHES.join(' ')} 'wasm-unsafe-eval'${dev ? " 'unsafe-eval'" : ''}`,
    // Style attributes in the server HTML cannot carry a nonce.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connectSources().join(' ')}`,
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}

// #region connect-src
/**
 * Where page scripts may send requests: this site, and for Workflow E the
 * API's own origin when it has one (DOTNET_API_PUBLIC_URL), because the file
 * goes there directly. Only that origin: the upload URL a grant hands out is
 * built from the same setting. Unset, uploads go to /dotnet on this site.
 */
export function connectSources(publicUrl = process.env.DOTNET_API_PUBLIC_URL): string[] {
  const configured = publicUrl?.trim()
  if (!configured) return ["'self'"]
  if (!URL.canParse(configured)) throw new Error(`DOTNET_API_PUBLIC_URL must be an absolute http(s) URL, got "${configured}"`)
  const { origin, protocol } = new URL(configured)
  if (protocol !== 'http:' && protocol !== 'https:') throw new Error(`DOTNET_API_PUBLIC_URL must be an http(s) URL, got "${configured}"`)
  return ["'self'", origin]
}
// #endregion connect-src

/** A fresh nonce, set on the request (for Next's renderer) and returned for the response header. */
export function applyDemoPagePolicy(request: NextRequest): string {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64')
  const policy = demoPagePolicy(nonce)
  request.headers.set('content-security-policy', policy)
  request.headers.set('x-nonce', nonce)
  return policy
}
// #endregion demo-policy

// next-themes' colour-mode script and Nextra's Banner script, as Chromium reports them.
const THEME_SCRIPT_HASHES = ["'sha256-n46vPwSWuMC0W703pBofImv82Z26xo4LXymv0E9caPk='", "'sha256-6Lta1h8CU80+bUAQAtbpwgD1k5OeqcA6Yjg6HrH0me8='"]
