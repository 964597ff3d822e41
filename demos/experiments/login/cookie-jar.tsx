import { useState } from 'react'
import type { CookieSetting } from './fake-api'

// What each flag means to the page's own JavaScript, and so to a script an XSS bug injects.
const FLAGS = [
  ['HttpOnly', 'Left out of document.cookie: no script on the page can read, copy or overwrite it. Requests still carry it.'],
  ['SameSite=Lax', 'Sent on same-site requests and on links followed from other sites; left off their POSTs, fetches and iframes, so another site cannot call the API as the reader.'],
  ['Secure', 'Sent over HTTPS only. With the __Host- prefix the browser also insists on Path=/ and no Domain, so a subdomain cannot plant a look-alike.'],
  ['Path=/', 'Sent with every request to the site, the proxy route included.'],
  ['Max-Age', 'The browser drops the cookie when the token inside it expires.'],
] as const

/** What document.cookie returns for these cookies: only those without HttpOnly. */
export function readableByScript(cookies: CookieSetting[]) {
  return cookies.filter((cookie) => !cookie.httpOnly).map((cookie) => `${cookie.name}=${cookie.value}`).join('; ')
}

export function CookieJar({ cookies }: { cookies: CookieSetting[] }) {
  // Try it: switch HttpOnly off on the access cookie and watch the token reach page JavaScript.
  const [httpOnly, setHttpOnly] = useState<Record<string, boolean>>({})
  const jar = cookies.map((cookie) => ({ ...cookie, httpOnly: httpOnly[cookie.name] ?? cookie.httpOnly }))
  const exposed = jar.filter((cookie) => !cookie.httpOnly && cookie.name.includes('bff.'))
  return (
    <section aria-labelledby="cookie-jar">
      <h2 id="cookie-jar">The cookie jar</h2>
      {jar.length === 0 ? (
        <p>Sign in to receive cookies.</p>
      ) : (
        <table>
          <thead>
            <tr><th>Cookie</th><th>Flags</th></tr>
          </thead>
          <tbody>
            {jar.map((cookie) => (
              <tr key={cookie.name}>
                <td><code>{cookie.name}</code></td>
                <td>
                  <label>
                    <input type="checkbox" checked={cookie.httpOnly} onChange={(event) => setHttpOnly({ ...httpOnly, [cookie.name]: event.target.checked })} />
                    HttpOnly
                  </label>
                  SameSite={cookie.sameSite}; {cookie.secure && 'Secure; '}Path={cookie.path}; Max-Age={cookie.maxAge}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        Page JavaScript reading <code>document.cookie</code> gets <output aria-label="document.cookie">{JSON.stringify(readableByScript(jar))}</output>
      </p>
      {exposed.length > 0 && <p role="alert">An injected script can now copy {exposed.map((cookie) => cookie.name).join(' and ')} and use it elsewhere.</p>}
      <dl>
        {FLAGS.map(([flag, meaning]) => (
          <div key={flag}>
            <dt><code>{flag}</code></dt>
            <dd>{meaning}</dd>
          </div>
        ))}
      </dl>
      <p>
        And this preview&apos;s own <code>document.cookie</code>: <output aria-label="this preview's document.cookie">{readOwnCookies()}</output>
      </p>
    </section>
  )
}

function readOwnCookies() {
  try {
    return JSON.stringify(document.cookie)
  } catch (error) {
    // The docs run this preview in an opaque origin: it has no cookies to read, the site's included.
    return `throws ${(error as Error).name}`
  }
}
