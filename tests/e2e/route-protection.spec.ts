import { expect, test } from '@playwright/test'
import { nearScreenLive } from './support/near-screen'

// proxy.ts switched off for ONE browser: the DAL and the API still refuse
// unauthenticated access there, and the other browser is unaffected.
test('turning proxy.ts off affects only this browser, and the DAL and API still deny access', async ({ browser }) => {
  const withoutProxy = await browser.newContext()
  const other = await browser.newContext()
  try {
    const off = await withoutProxy.request.post('/api/demo/proxy-check', { headers: { 'x-csrf': '1' }, data: { enabled: false } })
    expect(await off.json()).toEqual({ enabled: false })
    expect((await (await withoutProxy.request.get('/api/demo/proxy-check')).json()).enabled).toBe(false)
    expect((await (await other.request.get('/api/demo/proxy-check')).json()).enabled).toBe(true)

    // Signed out, proxy.ts off: the page itself (the DAL) redirects, without proxy.ts's mark.
    const skipped = await withoutProxy.request.get('/demo/account', { maxRedirects: 0 })
    expect(skipped.status()).toBe(307)
    expect(skipped.headers()['location']).toBe('/demo/login?callbackUrl=%2Fdemo%2Faccount')
    expect(skipped.headers()['x-bff-redirected-by']).toBeUndefined()

    // A forged token gets past nothing: the DAL asks the API, which refuses it.
    const forged = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.'
    const page = await withoutProxy.request.get('/demo/account', { maxRedirects: 0, headers: { cookie: `__Host-bff.demo-proxy-check=off; __Host-bff.access=${forged}` } })
    expect(page.status()).toBe(307)
    expect(await page.text()).not.toContain('Signed in as')
    const data = await withoutProxy.request.get('/api/proxy/goals', { headers: { cookie: `__Host-bff.access=${forged}` } })
    expect(data.status()).toBe(401)
    const direct = await withoutProxy.request.get('/dotnet/api/goals', { headers: { authorization: `Bearer ${forged}` } })
    expect(direct.status()).toBe(401)
    expect(direct.headers()['www-authenticate']).toContain('invalid_token')

    // The other browser still gets proxy.ts's own redirect.
    const guarded = await other.request.get('/demo/account', { maxRedirects: 0 })
    expect(guarded.status()).toBe(307)
    expect(guarded.headers()['x-bff-redirected-by']).toBe('proxy.ts')
  } finally {
    await withoutProxy.close()
    await other.close()
  }
})

test('the switch on the page flips the check for this browser', async ({ page }) => {
  await page.goto('/route-protection')
  const control = page.getByTestId('proxy-check-switch')
  await nearScreenLive(page, control)
  await expect(control.getByRole('status')).toContainText('on')
  await control.getByRole('button', { name: 'Turn the proxy.ts check off' }).click()
  await expect(control.getByRole('status')).toContainText('off')
  const response = await page.request.get('/demo/account', { maxRedirects: 0 })
  expect(response.headers()['x-bff-redirected-by']).toBeUndefined()
  await control.getByRole('button', { name: 'Turn the proxy.ts check back on' }).click()
  await expect(control.getByRole('status')).toContainText('on')
})
