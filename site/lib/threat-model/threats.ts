import type { TestRef } from './test-report-status'

export type Threat = {
  id: string
  stride: 'Spoofing' | 'Tampering' | 'Repudiation' | 'Information disclosure' | 'Denial of service' | 'Elevation of privilege'
  threat: string
  layers: string
  tests: TestRef[]
}

const e2e = (file: string, name: string): TestRef => ({ runner: 'e2e', file: `tests/e2e/${file}`, name })
const unit = (file: string, name: string): TestRef => ({ runner: 'unit', file: `tests/unit/${file}`, name })
const contract = (file: string, name: string): TestRef => ({ runner: 'contract', file: `tests/contract/${file}`, name })

/**
 * The threat model page's rows. Every test named here must exist (a unit test
 * checks each name against its file); its status comes from the last report.
 */
export const THREATS: Threat[] = [
  {
    id: 'xss-token-theft',
    stride: 'Information disclosure',
    threat: 'An injected script reads the tokens (XSS)',
    layers: 'httpOnly cookies; no token in any response body; CSP with a per-request nonce on the demo pages',
    tests: [
      e2e('workflow-a-login.spec.ts', 'no token reaches page JavaScript: not document.cookie, not the login response body'),
      e2e('security-headers.spec.ts', 'an injected inline script does not run on a demo page'),
      e2e('attack-lab.spec.ts', 'XSS token theft: page JavaScript finds no token'),
    ],
  },
  {
    id: 'secrets-in-output',
    stride: 'Information disclosure',
    threat: 'A token or secret ends up in HTML, an RSC payload, a client bundle or a log',
    layers: 'tokens only in httpOnly cookies and server-to-server headers; logs carry request ids',
    tests: [
      e2e('no-secrets.spec.ts', 'no page HTML or RSC payload holds a token or the signing key'),
      e2e('no-secrets.spec.ts', 'no client bundle holds a JWT-shaped string or the signing key'),
      unit('bff/no-tokens-in-logs.test.ts', 'writes no token on the paths that log'),
    ],
  },
  {
    id: 'cookie-shadowing',
    stride: 'Spoofing',
    threat: 'A sibling subdomain or a plain-HTTP page plants or overwrites the session cookies',
    layers: '`__Host-` prefix and `Secure` in production (the browser then refuses a Domain or a non-https origin); httpOnly; SameSite=Lax',
    tests: [e2e('workflow-a-login.spec.ts', 'the token cookies are httpOnly, SameSite=Lax, Secure and __Host- prefixed in production')],
  },
  {
    id: 'csrf',
    stride: 'Tampering',
    threat: 'Another site makes the browser act with the reader’s cookies (CSRF)',
    layers: 'SameSite=Lax cookies; the `x-csrf: 1` anti-forgery header on every mutating route handler (CORS preflight). Server Actions do not send it: see the next row',
    tests: [
      e2e('attack-lab.spec.ts', 'CSRF: a page on the other loopback site is stopped by SameSite and the anti-forgery header'),
      e2e('proxy-security.spec.ts', 'a missing anti-forgery header is a 403 and creates nothing'),
      e2e('bff-auth-routes.spec.ts', 'a login without the anti-forgery header is a 403 and sets no cookie'),
      e2e('security-attacks.spec.ts', 'a duplicated anti-forgery header is refused and creates nothing'),
    ],
  },
  {
    id: 'server-action-csrf',
    stride: 'Tampering',
    threat: 'Another site, or another host of the same site, posts a Server Action form with the reader’s cookies; Server Actions carry no `x-csrf` header',
    layers: 'SameSite=Lax keeps the cookies off a cross-site POST; Next.js refuses an action whose Origin is not the Host (nor in `serverActions.allowedOrigins`), which holds where SameSite does not: a sibling host is same-site; the action re-verifies the session',
    tests: [
      e2e('server-action-csrf.spec.ts', 'a Server Action form posted from the other loopback site creates nothing: the goals are unchanged'),
      e2e('server-action-csrf.spec.ts', 'with the session cookie but another host’s Origin, Next.js refuses the Server Action; from its own origin the same post creates the goal'),
      e2e('attack-lab.spec.ts', 'Server Action CSRF: neither the other site nor a sibling host’s Origin creates a goal'),
    ],
  },
  {
    id: 'refresh-replay',
    stride: 'Spoofing',
    threat: 'A stolen refresh token is replayed',
    layers: 'the API: rotation with reuse detection revokes the whole family, access tokens included',
    tests: [
      contract('refresh-tokens.test.ts', 'treats an older token as theft: the whole family stops working, access tokens included'),
      e2e('token-lifecycle.spec.ts', 'a replayed refresh token revokes the family: the next request is refused and every tab ends at sign-in'),
      e2e('attack-lab.spec.ts', 'refresh-token replay: the family is revoked and the reader is signed out'),
    ],
  },
  {
    id: 'middleware-bypass',
    stride: 'Elevation of privilege',
    threat: 'proxy.ts is skipped (CVE-2025-29927: spoofed x-middleware-subrequest)',
    layers: 'the DAL asks the API about every token; the API verifies every call',
    tests: [
      e2e('route-protection.spec.ts', 'turning proxy.ts off affects only this browser, and the DAL and API still deny access'),
      e2e('security-attacks.spec.ts', 'spoofed internal Next.js headers do not open a protected page'),
      e2e('attack-lab.spec.ts', 'middleware bypass: spoofed internal headers still end at sign-in'),
    ],
  },
  {
    id: 'evil-site-same-origin',
    stride: 'Tampering',
    threat: 'The lab’s attacker page, served by the site itself, is pointed at the site: its requests are same-origin and carry `x-csrf` legitimately',
    layers: 'the attacker page refuses a target on its own host; the lab opens it from the other loopback host',
    tests: [e2e('attack-lab.spec.ts', 'CSRF: the attacker page refuses to run against its own site, and changes nothing there')],
  },
  {
    id: 'trace-session-flood',
    stride: 'Denial of service',
    threat: 'Anyone wipes every visitor’s wire-inspector trace by opening sessions, or picks a trace id of their own',
    layers: 'sessions start only through `POST /api/trace/session` (with `x-csrf`), within 60 per client address a minute; reading creates nothing; an id the server never issued is no session',
    tests: [
      unit('trace/read-trace.test.ts', "510 cookieless reads do not evict an existing visitor's trace"),
      unit('trace/read-trace.test.ts', 'a forged, well-formed trace id is not a session: nothing is read or opened under it'),
      unit('trace/read-trace.test.ts', 'never adopts a well-formed id it did not issue: the caller gets a new one'),
      unit('trace/read-trace.test.ts', 'limits new sessions per client address, with 429 and Retry-After; other addresses still start'),
      e2e('wire-inspector.spec.ts', 'a flood of cookieless reads creates no session and evicts no one: the open panel keeps its trace'),
      e2e('wire-inspector.spec.ts', 'the panel starts its own session when its page renders, and a forged id is replaced, not adopted'),
    ],
  },
  {
    id: 'registration-flood',
    stride: 'Denial of service',
    threat: 'One client registers accounts without end on a public host, and each account past the cap evicts a reader’s',
    layers: 'both APIs limit registrations per client address (an IPv6 client by its /64), counting every request before any password is hashed, with 429 and `Retry-After`; at the account cap the registering client’s own accounts are evicted first. The C# API counts in each process’s memory, so two instances allow the limit twice over until a shared store counts for both',
    tests: [
      contract('registration-limit.test.ts', "refuses a flood from one client past the limit, and the reader's account and goals remain"),
      unit('mocks/registration-limit.test.ts', 'refuses registrations over the limit with 429 and Retry-After until the window has passed'),
      unit('mocks/registration-limit.test.ts', 'counts an IPv6 client by its /64, and an IPv4-mapped address as the IPv4 one'),
      unit('mocks/registration-limit.test.ts', "takes the registering client's own accounts first, so a flood leaves readers' accounts alone"),
    ],
  },
  {
    id: 'slow-body',
    stride: 'Denial of service',
    threat: 'A client sends a body slowly and holds a sign-in route open',
    layers: '`readJsonBody` stops reading at the API timeout (`DOTNET_API_TIMEOUT_MS`, the proxy’s own limit) with a 408',
    tests: [
      unit('bff/read-json-body.test.ts', 'answers 408 ProblemDetails at the deadline instead of waiting for the client'),
      unit('bff/read-json-body.test.ts', 'POST /api/auth/login answers 408 at the deadline'),
      unit('bff/read-json-body.test.ts', 'POST /api/auth/register answers 408 at the deadline'),
    ],
  },
  {
    id: 'open-redirect',
    stride: 'Spoofing',
    threat: 'An open redirect through `callbackUrl` sends the reader to a phishing site after sign-in',
    layers: '`safeCallbackUrl` on the server and in the browser',
    tests: [
      unit('bff/safe-callback-url.test.ts', 'builds login URLs that carry only safe paths'),
      e2e('workflow-a-login.spec.ts', 'a hostile callbackUrl "//evil.example" is ignored'),
      e2e('attack-lab.spec.ts', 'open redirect: every hostile callbackUrl stays on this site'),
    ],
  },
  {
    id: 'proxy-abuse',
    stride: 'Tampering',
    threat: 'The catch-all proxy is used to reach other API routes or hosts (path traversal, SSRF)',
    layers: 'raw-path check and route allowlist in the proxy; a fixed API base URL, never from the Host header',
    tests: [
      e2e('proxy-security.spec.ts', 'the smuggled path /api/proxy/goals/..%2f..%2fauth%2flogin is a 400 problem from the proxy'),
      e2e('proxy-security.spec.ts', 'the smuggled path /api/proxy/%2F%2Fevil.example/api/goals is a 400 problem from the proxy'),
      e2e('proxy-security.spec.ts', 'the non-allowlisted auth/login is a 404 and hands out no tokens'),
      e2e('attack-lab.spec.ts', 'proxy abuse: traversal, SSRF, non-allowlisted paths and smuggled headers are refused'),
    ],
  },
  {
    id: 'header-smuggling',
    stride: 'Tampering',
    threat: 'Headers smuggled through the proxy: a browser-supplied Authorization, Cookie to the API, Set-Cookie back',
    layers: 'request and response header allowlists in the proxy',
    tests: [
      unit('proxy/proxy-route.test.ts', 'never hands the API the browser Cookie or a browser-supplied Authorization'),
      unit('proxy/upstream-behaviour.test.ts', 'drops Set-Cookie and hop-by-hop headers, keeps the ones the browser needs'),
      e2e('security-attacks.spec.ts', 'a browser-supplied Authorization header is ignored: the proxy uses the cookie'),
    ],
  },
  {
    id: 'jwt-tampering',
    stride: 'Spoofing',
    threat: 'A forged or altered JWT: alg none, edited payload, wrong key, expired, wrong audience',
    layers: 'the API (JwtBearer: HS256 only, signature, exp, nbf, iss, aud); the DAL and the proxy pass its 401 on',
    tests: [
      contract('bearer-tokens.test.ts', 'refuses alg "none"'),
      contract('bearer-tokens.test.ts', 'refuses a token whose payload was altered'),
      contract('bearer-tokens.test.ts', 'refuses a token signed with another key'),
      e2e('security-attacks.spec.ts', 'a forged access token (expired) gets 401 from the proxy and no page from the DAL'),
      e2e('security-attacks.spec.ts', 'a forged access token (wrong audience) gets 401 from the proxy and no page from the DAL'),
      e2e('attack-lab.spec.ts', 'JWT tampering: every forged token is refused by the API, the proxy and the DAL'),
    ],
  },
  {
    id: 'brute-force',
    stride: 'Spoofing',
    threat: 'Password guessing and credential stuffing',
    layers: 'the API locks an account for a client after repeated failures, and limits each client address; the BFF limits auth requests per client address',
    tests: [
      contract('auth.test.ts', 'locks an account for the client that keeps failing, with Retry-After, even for the right password'),
      e2e('security-attacks.spec.ts', 'repeated wrong passwords lock the account: 429 with Retry-After, even for the right password'),
      e2e('security-attacks.spec.ts', 'the BFF limits auth requests per client address with a 429 and Retry-After'),
      e2e('attack-lab.spec.ts', 'brute force: the seventh guess gets 429'),
      unit('security/rate-limit.test.ts', 'keeps at most maxKeys keys, forgetting the oldest'),
    ],
  },
  {
    id: 'spoofed-client-address',
    stride: 'Spoofing',
    threat: 'A client writes its own X-Forwarded-For to get a fresh rate-limit budget with every request (password spraying)',
    layers: 'the site’s server reports the TCP peer; forwarding headers count only for `TRUSTED_PROXY_HOPS` (default 0); the API believes X-Forwarded-For only from a known proxy (the BFF)',
    tests: [
      e2e('security-attacks.spec.ts', 'sixty failed sign-ins for different emails, each with a new X-Forwarded-For, meet a 429'),
      unit('security/client-address.test.ts', 'with no proxy in front (the default), ignores every X-Forwarded-For entry the client wrote'),
      unit('security/client-address.test.ts', 'behind one proxy, takes the entry that proxy appended, not one the client wrote in front of it'),
      unit('mocks/login-rate-limit.test.ts', 'logins from one outside peer, each with an invented address, count as one client'),
      e2e('attack-lab.spec.ts', 'spoofed client address: a fresh X-Forwarded-For per request changes neither the key nor the limit'),
    ],
  },
  {
    id: 'lockout-by-others',
    stride: 'Denial of service',
    threat: 'A stranger locks someone out: wrong passwords for a known email, or the shared demo account’s failure switches',
    layers: 'failed sign-ins counted per account and client address together; demo controls scoped to one session (its token family)',
    tests: [
      contract('hardening.test.ts', "a stranger's six wrong passwords do not lock the owner out"),
      e2e('security-attacks.spec.ts', "a stranger's wrong passwords do not lock the owner out"),
      contract('hardening.test.ts', '"down" set by one session of an account does not reach its other sessions'),
      unit('mocks/demo-controls.test.ts', 'keeps sessions apart, even of one account, and forgets an evicted account'),
    ],
  },
  {
    id: 'open-redirect',
    stride: 'Spoofing',
    threat: 'A sign-in link sends the reader to another site afterwards (open redirect through `callbackUrl`)',
    layers: 'the callback path is judged after normalization: one leading slash, same origin, and the same meaning when parsed again',
    tests: [
      e2e('workflow-a-login.spec.ts', 'a hostile callbackUrl "/.//evil.example" is ignored'),
      e2e('workflow-a-login.spec.ts', 'a hostile callbackUrl "/%2e//evil.example" is ignored'),
      e2e('workflow-a-login.spec.ts', '"Create a private demo account" ignores a callbackUrl that normalizes to another host'),
    ],
  },
  {
    id: 'revoked-session-revival',
    stride: 'Elevation of privilege',
    threat: 'A revoked session works again: the refresh store fills and drops the revoked family, or the reader signs out holding only the access cookie',
    layers: 'revocations kept apart from pruning for the access token’s lifetime; sign-out revokes the family named by the access token’s `sid` too',
    tests: [
      unit('mocks/refresh-token-family.test.ts', 'remembers a revocation after a full store has pruned the family, until its access tokens expire'),
      contract('hardening.test.ts', 'with only the access token, revokes the family its sid names'),
      e2e('security-attacks.spec.ts', 'with only the access cookie left, signing out still ends the session at the API'),
    ],
  },
  {
    id: 'forwarded-location',
    stride: 'Tampering',
    threat: 'A client’s own X-Forwarded-Proto or Host ends up in a Location header',
    layers: 'the API answers Location as a path under its mount point, never with a scheme or host from request headers',
    tests: [
      contract('hardening.test.ts', 'Location never takes its scheme or host from forwarding headers a client wrote'),
      unit('mocks/handle-request.test.ts', 'strips its mount path and points Location at the mounted path, never at a host the request named'),
    ],
  },
  {
    id: 'account-enumeration',
    stride: 'Information disclosure',
    threat: 'Registration tells an attacker which emails have accounts (409 for a taken email)',
    layers: 'accepted trade-off: sign-in answers a wrong password and an unknown email alike, but registration must say the email is taken so a person can act on it; the per-client limits slow a scan',
    tests: [
      contract('auth.test.ts', 'answers a wrong password and an unknown email identically'),
      contract('auth.test.ts', 'creates an account and refuses a second one with the same email'),
    ],
  },
  {
    id: 'server-actions',
    stride: 'Elevation of privilege',
    threat: 'A Server Action is called directly, without a session or with bad input',
    layers: 'each action re-verifies the session (DAL) and validates its input',
    tests: [
      unit('bff/server-action-session.test.ts', 'refuses without a session and never calls the goals API'),
      unit('bff/server-action-session.test.ts', 'validates the input before calling the API, and creates with a real session'),
    ],
  },
  {
    id: 'bad-input',
    stride: 'Denial of service',
    threat: 'Malformed, oversized or odd input turns into a 500 or an unbounded read',
    layers: 'readJsonBody, the proxy’s byte counter, the API’s validation, Node’s header limit',
    tests: [
      e2e('bff-auth-routes.spec.ts', 'malformed JSON is a 400 problem, not a 500'),
      e2e('proxy-security.spec.ts', 'an oversized body is a 413, declared or chunked, and creates nothing'),
      e2e('security-attacks.spec.ts', 'bad input to the proxy is a 4xx problem and creates nothing'),
      e2e('security-attacks.spec.ts', 'control characters in a title are refused; other Unicode round-trips'),
      contract('goals.test.ts', 'refuses control characters and bidirectional overrides, and keeps other Unicode as sent'),
      e2e('security-attacks.spec.ts', 'huge headers are refused by Node with 431, before Next'),
      e2e('security-attacks.spec.ts', 'a very long query string is a 4xx, never a 500'),
      e2e('security-attacks.spec.ts', 'a body nested 3,000 levels deep is a 400, at the proxy and at the API'),
      contract('hardening.test.ts', 'a body nested 3,000 levels deep is a 400 ProblemDetails'),
      e2e('security-attacks.spec.ts', 'an access cookie that is not JWT-shaped is no session: the sign-in redirect, never a 500'),
      e2e('security-attacks.spec.ts', 'TRACE is a 405 with Allow on every kind of route, never a 500'),
      contract('hardening.test.ts', 'the TRACE method on a known path is a 405 with Allow'),
      e2e('security-attacks.spec.ts', 'zero-width characters, direction marks and lone surrogates in a title are refused'),
    ],
  },
  {
    id: 'upload-grant',
    stride: 'Elevation of privilege',
    threat: 'An upload grant for a goal that is not the reader’s, or for a file the API should not take (too large, past the quota, a type it cannot check)',
    layers: 'the API grants only to the owner’s access token (the BFF asks server to server), for their own goal (404 otherwise), within the per-file maximum and the quota, for a type whose bytes it can check; the upload URL names no goal, so a token cannot be moved to another',
    tests: [
      contract('attachments.test.ts', 'needs the access token for the grant, the list and the download'),
      contract('attachments.test.ts', "refuses a grant over the per-file maximum, for a type it cannot check, or for a goal that is not the caller's"),
      contract('attachments.test.ts', "a token for another account's goal: not granted, and a token cannot be moved to another goal"),
      e2e('upload-attacks.spec.ts', 'an upload token is single-use, short-lived and bound to its account, goal, size and type; no grant, no upload'),
      e2e('attack-lab.spec.ts', 'Workflow E direct uploads: every attack on the upload endpoint is refused, and nothing refused was attached'),
    ],
  },
  {
    id: 'upload-token',
    stride: 'Spoofing',
    threat: 'An upload token is replayed, used late, guessed, swapped for the access token, or used to send other bytes than were granted',
    layers: '32 random bytes, of which the API keeps only the SHA-256; claimed before any byte is read, so one token is one attempt; minutes-long; in its own `X-Upload-Token` header, never a cookie or `Authorization`; the body stops at the declared size (413) and its first bytes must be the declared type (415); the file name is display text only',
    tests: [
      contract('attachments.test.ts', 'an upload with no grant at all'),
      contract('attachments.test.ts', 'reusing an upload token, one after the other and at the same time'),
      contract('attachments.test.ts', 'an expired token'),
      contract('attachments.test.ts', 'more bytes than declared, whether the length is announced or not'),
      contract('attachments.test.ts', 'a body whose bytes do not match its type'),
      contract('attachments.test.ts', 'a file name with path segments or control characters is kept only as sanitized display text'),
      e2e('upload-attacks.spec.ts', 'an upload token is single-use, short-lived and bound to its account, goal, size and type; no grant, no upload'),
      unit('security/direct-upload-attacks.test.ts', 'is refused in every case, and only the two files meant to land were ever stored'),
    ],
  },
  {
    id: 'upload-cors',
    stride: 'Tampering',
    threat: 'A page on another origin sends a file to the upload endpoint with a token it got hold of, or reads an answer meant for the site',
    layers: 'CORS on the upload endpoint alone: one allowed origin (`DOTNET_API_ALLOWED_ORIGIN`, the site’s), PUT, `Content-Type` and `X-Upload-Token`, no credentials; every other path answers a preflight with no CORS headers; the browser enforces it',
    tests: [
      contract('attachments.test.ts', 'a preflight from an origin not allowed, and CORS nowhere but the upload'),
      e2e('upload-attacks.spec.ts', 'a page on another origin cannot upload: the browser stops at the preflight, and the token stays unspent'),
      e2e('attack-lab.spec.ts', 'Workflow E direct uploads: every attack on the upload endpoint is refused, and nothing refused was attached'),
    ],
  },
  {
    id: 'shared-cache',
    stride: 'Information disclosure',
    threat: 'A CDN caches a response that sets cookies or holds one reader’s data',
    layers: '`Cache-Control: private, no-store` on every authenticated and cookie-setting response',
    tests: [
      e2e('security-attacks.spec.ts', 'every response that sets a cookie or holds a reader’s data is private, no-store'),
      contract('hardening.test.ts', 'sign-in, the user and the goals are Cache-Control: no-store'),
    ],
  },
  {
    id: 'framing-sniffing',
    stride: 'Tampering',
    threat: 'Clickjacking, MIME sniffing, leaking URLs in Referer, injected scripts on docs pages',
    layers: 'CSP (frame-ancestors, script-src), X-Content-Type-Options, Referrer-Policy, Permissions-Policy, HSTS in production',
    tests: [
      e2e('security-headers.spec.ts', 'docs pages carry the static policy and the other security headers'),
      e2e('security-headers.spec.ts', 'demo pages carry a fresh nonce per request, and Next stamps its scripts with it'),
      e2e('security-headers.spec.ts', 'API routes and the mock API carry a deny-all policy'),
      e2e('security-headers.spec.ts', 'no page reports a CSP violation'),
    ],
  },
  {
    id: 'traceability',
    stride: 'Repudiation',
    threat: 'A request cannot be traced from the browser to the API’s log',
    layers: 'the proxy’s `x-request-id`, kept only when well-formed',
    tests: [unit('proxy/proxy-route.test.ts', 'keeps a well-formed request id, replaces a malformed one, and echoes it')],
  },
]
