import { DEMO_ACCOUNT } from './demo-account'
import { fakeRequest, HttpError } from './fake-network'
import type { LoginInput } from './login-schema'

export type CookieSetting = { name: string; value: string; httpOnly: boolean; sameSite: 'Lax'; secure: boolean; path: '/'; maxAge: number }
export type SignedIn = { user: { name: string; role: string }; cookies: CookieSetting[] }

/**
 * The BFF's POST /api/auth/login, faked: it accepts the site's demo account and
 * answers as the real handler does, with the user in the body and the tokens
 * only in Set-Cookie headers (here, as data the cookie jar shows).
 */
export function fakeLogin({ email, password }: LoginInput): Promise<SignedIn> {
  return fakeRequest('POST /api/auth/login', () => {
    if (email !== DEMO_ACCOUNT.email || password !== DEMO_ACCOUNT.password) {
      throw new HttpError(401, 'The email or password is incorrect.')
    }
    const flags = { sameSite: 'Lax', secure: true, path: '/' } as const
    return {
      user: { name: 'Demo Reader', role: 'member' },
      cookies: [
        { name: '__Host-bff.access', value: fakeJwt('access'), httpOnly: true, maxAge: 15 * 60, ...flags },
        { name: '__Host-bff.refresh', value: fakeJwt('refresh'), httpOnly: true, maxAge: 14 * 24 * 60 * 60, ...flags },
        // Not a secret: a preference the page's own scripts are meant to read.
        { name: 'theme', value: 'dark', httpOnly: false, maxAge: 365 * 24 * 60 * 60, ...flags },
      ],
    }
  })
}

function fakeJwt(kind: string) {
  const part = (value: object) => btoa(JSON.stringify(value)).replace(/=+$/, '')
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ sub: 'demo', kind })}.not-a-real-signature`
}
