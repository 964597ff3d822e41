import { DEMO_ACCOUNT } from '@/demos/lib/auth/demo-account'

/** Signs the demo account in at an API started by the test, and returns its access token. */
export async function signInAtApi(apiUrl: string): Promise<string> {
  const login = await fetch(`${apiUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DEMO_ACCOUNT),
  })
  return ((await login.json()) as { accessToken: string }).accessToken
}
