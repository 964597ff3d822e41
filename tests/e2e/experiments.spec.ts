import { readFileSync } from 'node:fs'
import { test as base, expect, type Frame, type FrameLocator, type Locator, type Page } from '@playwright/test'
import { expectSignedInPage, signInThroughForm } from './support/auth'
import { firstLoadScripts } from './support/first-load'

// The experiments on the workflow pages: Sandpack's editor over real files, run
// by this site's own runner in a sandboxed iframe. Every request of every test
// is recorded, and none may leave this machine: no codesandbox.io, no CDN.
const test = base.extend<{ requests: string[] }>({
  requests: [
    async ({ context }, use) => {
      const requests: string[] = []
      context.on('request', (request) => void requests.push(request.url()))
      await use(requests)
      const leaving = requests.filter((url) => /^(https?|wss?):/.test(url) && !['localhost', '127.0.0.1'].includes(new URL(url).hostname))
      expect(leaving, 'requests that left this machine').toEqual([])
    },
    { auto: true },
  ],
})

type Case = { workflow: string; heading: string; app: string }

const CASES: Case[] = [
  { workflow: 'login', heading: 'Sign in with the shared schema', app: 'demos/experiments/login/App.tsx' },
  { workflow: 'server-fetch', heading: 'Server fetch, then hydrate', app: 'demos/experiments/server-fetch/App.tsx' },
  { workflow: 'pagination', heading: 'Pages without a flash', app: 'demos/experiments/pagination/App.tsx' },
  { workflow: 'mutations', heading: 'Optimistic updates, rolled back', app: 'demos/experiments/mutations/App.tsx' },
]

type Opened = { experiment: Locator; preview: FrameLocator; runner: () => Frame }

/** Scrolls to a workflow page's experiment and waits until its editor is up and its preview has run. */
async function openExperiment(page: Page, workflow: string, heading: string): Promise<Opened> {
  const experiment = page.locator(`[data-experiment="${workflow}"]`)
  await experiment.scrollIntoViewIfNeeded()
  const preview = experiment.frameLocator('iframe')
  // Generous: on a loaded 2-core CI machine the first cold run has taken over 15 s.
  await expect(preview.getByRole('heading', { level: 1, name: heading, exact: true })).toBeVisible({ timeout: 30_000 })
  await expect(editorOf(experiment)).toBeVisible()
  const runner = () => page.frames().find((frame) => frame.url().endsWith('/sandbox/runner.html'))!
  return { experiment, preview, runner }
}

/** Sandpack's editor: a focusable box (role textbox) around CodeMirror's own content (a textbox too). */
const editorOf = (experiment: Locator) => experiment.getByRole('textbox', { name: 'Code Editor for App.tsx' }).first()

/**
 * Puts the cursor right after `after` in `file` (its first line containing it), with the keyboard
 * only, as a reader would: the file's tab, the top of the file, down, to the end of the line, back.
 */
async function placeCursor(page: Page, experiment: Locator, file: string, after: string) {
  const lines = readFileSync(file, 'utf8').split('\n')
  const index = lines.findIndex((line) => line.includes(after))
  expect(index, `${file} has a line with ${after}`).toBeGreaterThanOrEqual(0)
  const tab = experiment.getByRole('tab', { name: file.split('/').pop() })
  await tab.click()
  await expect(tab).toHaveAttribute('aria-selected', 'true')
  await experiment.locator('.cm-content').click()
  await page.keyboard.press('Control+Home')
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown')
  await page.keyboard.press('End')
  const rest = lines[index].length - lines[index].indexOf(after) - after.length
  for (let i = 0; i < rest; i++) await page.keyboard.press('ArrowLeft')
}

/** Waits until the preview has run the latest edit: edits re-run after a pause in typing. */
async function waitForLatestRun(experiment: Locator) {
  const preview = experiment.locator('.bff-experiment-preview')
  let previous = ''
  await expect
    .poll(
      async () => {
        const now = `${await preview.getAttribute('data-status')} ${await preview.getAttribute('data-run')}`
        const settled = now === previous && now.startsWith('ok ')
        previous = now
        return settled
      },
      { intervals: [400] },
    )
    .toBe(true)
}

// One page load per experiment, its behaviours as steps: booting the runner is
// most of each test's time, so five separate tests spent it five times.
for (const { workflow, heading, app } of CASES) {
  test(`the ${workflow} experiment renders, follows edits, shows errors and recovers, and resets`, async ({ page, request }) => {
    // Four behaviours in one test: twice the suite's 60 s, for a loaded 2-core machine.
    test.setTimeout(120_000)
    const experiment = page.locator(`[data-experiment="${workflow}"]`)
    const preview = experiment.frameLocator('iframe')
    const overlay = experiment.getByRole('alert')
    const reset = experiment.getByRole('button', { name: 'Reset' })
    const headingNamed = (name: string) => preview.getByRole('heading', { level: 1, name, exact: true })

    await test.step('renders from the highlighted code, without a jump, and its preview runs', async () => {
      // The HTML already holds the code, highlighted at build time, before any JavaScript.
      const html = await (await request.get(`/workflows/${workflow}`)).text()
      expect(html).toContain(`data-experiment="${workflow}"`)
      expect(html).toMatch(/export<\/span><span[^>]*> default<\/span><span[^>]*> function<\/span>/)

      await page.goto(`/workflows/${workflow}`)
      const placeholder = await experiment.boundingBox()
      await openExperiment(page, workflow, heading)
      await expect(experiment.locator('[data-placeholder]')).toHaveCount(0)
      expect((await experiment.boundingBox())?.height).toBeCloseTo(placeholder!.height, 0)
      await expect(preview.getByRole('region', { name: 'Requests' })).toBeVisible()
      // The runner times its boot and first run, for anyone profiling it in DevTools.
      const marks = () => page.evaluate((workflow) => ['runner-ready', 'first-run'].map((step) => performance.getEntriesByName(`experiment:${workflow}:${step}`).length), workflow)
      await expect.poll(marks, { message: 'one runner-ready and one first-run measure' }).toEqual([1, 1])
    })

    await test.step('follows an edit typed into the editor, and Reset puts the original files back', async () => {
      await expect(reset).toBeDisabled()
      await placeCursor(page, experiment, app, heading)
      await page.keyboard.type(', edited')
      await expect(headingNamed(`${heading}, edited`)).toBeVisible()
      await reset.click()
      await expect(headingNamed(heading)).toBeVisible()
      await expect(experiment.locator('.cm-content')).not.toContainText(', edited')
      await expect(reset).toBeDisabled()
    })

    await test.step('shows a syntax error over the preview and recovers when it is fixed', async () => {
      await placeCursor(page, experiment, app, `${heading}</h1>`)
      await page.keyboard.type(' <')
      await expect(overlay).toContainText('Syntax error in App.tsx')
      await page.keyboard.press('Backspace')
      await page.keyboard.press('Backspace')
      await expect(overlay).toHaveCount(0)
      await placeCursor(page, experiment, app, heading)
      await page.keyboard.type(' again')
      await expect(headingNamed(`${heading} again`)).toBeVisible()
      await reset.click()
      await expect(headingNamed(heading)).toBeVisible()
    })

    await test.step('shows a runtime error over the preview and recovers when it is removed', async () => {
      const thrown = " if (Math.random() < 2) throw new Error('boom')"
      await placeCursor(page, experiment, app, 'export default function App() {')
      await page.keyboard.type(thrown)
      await expect(overlay).toContainText('Runtime error in App.tsx')
      await expect(overlay).toContainText('Error: boom')
      for (let i = 0; i < thrown.length; i++) await page.keyboard.press('Backspace')
      await expect(overlay).toHaveCount(0)
      await expect(headingNamed(heading)).toBeVisible()
    })
  })
}

test.describe('what each experiment teaches, in the browser', () => {
  test('login: an edit to the site’s own login-schema.ts changes the form', async ({ page }) => {
    await page.goto('/workflows/login')
    const { experiment, preview } = await openExperiment(page, 'login', 'Sign in with the shared schema')
    // The tab shows the site's own lib/auth/login-schema.ts.
    await placeCursor(page, experiment, 'demos/lib/auth/login-schema.ts', 'Enter your password')
    await page.keyboard.type(' now')
    await waitForLatestRun(experiment)
    await preview.getByRole('button', { name: 'Sign in' }).click()
    await expect(preview.getByText('Enter your password now')).toBeVisible()
  })

  test('server-fetch: with staleTime 0 the browser fetches the hydrated data again', async ({ page }) => {
    await page.goto('/workflows/server-fetch')
    const { experiment, preview } = await openExperiment(page, 'server-fetch', 'Server fetch, then hydrate')
    const log = preview.getByRole('region', { name: 'Requests' }).getByRole('listitem')
    await preview.getByRole('button', { name: 'Open the page' }).click()
    await expect(log).toHaveText(['GET /api/goals (from the server) → 200'])
    await placeCursor(page, experiment, 'demos/experiments/server-fetch/App.tsx', 'staleTime: 60_000')
    for (let i = 0; i < '60_000'.length; i++) await page.keyboard.press('Backspace')
    await page.keyboard.type('0')
    await waitForLatestRun(experiment)
    await preview.getByRole('button', { name: 'Open the page' }).click()
    await expect(log).toHaveText(['GET /api/goals (from the server) → 200', 'GET /api/goals (from the browser) → 200'])
  })

  test('pagination: without keepPreviousData and the prefetch, Next flashes "Loading…"', async ({ page }) => {
    await page.goto('/workflows/pagination')
    const { experiment, preview } = await openExperiment(page, 'pagination', 'Pages without a flash')
    await expect(preview.getByText('GET /api/goals?page=2 → 200')).toBeVisible()
    await preview.getByRole('button', { name: 'Next' }).click()
    await expect(preview.getByText('Goal 6', { exact: true })).toBeVisible()
    await expect(preview.getByText('Loading…')).toHaveCount(0)

    for (const line of ['placeholderData: keepPreviousData,', 'if (data?.hasMore']) {
      await placeCursor(page, experiment, 'demos/experiments/pagination/goal-pages.tsx', line)
      await page.keyboard.press('Home')
      await page.keyboard.type('// ')
    }
    await waitForLatestRun(experiment)
    await expect(preview.getByText('Goal 1', { exact: true })).toBeVisible()
    await preview.getByRole('button', { name: 'Next' }).click()
    await expect(preview.getByText('Loading…')).toBeVisible()
    await expect(preview.getByText('Goal 6', { exact: true })).toBeVisible()
  })

  test('type-safety: two $api clients share one key, so the browser finds the server’s page', async ({ page }) => {
    await page.goto('/type-safety')
    const { preview } = await openExperiment(page, 'type-safety', 'One query, two $api clients')
    await expect(preview.getByText('The same key.', { exact: true })).toBeVisible()
    await preview.getByLabel('Latency').selectOption('0')
    await preview.getByRole('button', { name: 'Open the page' }).click()
    await expect(preview.getByText('Read the BFF guide')).toBeVisible()
    await expect(preview.getByRole('region', { name: 'Requests' }).getByRole('listitem')).toHaveText(['GET /api/goals?page=1&pageSize=5 (from the server) → 200'])
  })

  test('mutations: with failure switched on, an added goal shows and is rolled back', async ({ page }) => {
    await page.goto('/workflows/mutations')
    const { preview } = await openExperiment(page, 'mutations', 'Optimistic updates, rolled back')
    await preview.getByLabel('Fail requests').check()
    await preview.getByLabel('New goal').fill('Doomed goal')
    await preview.getByRole('button', { name: 'Add' }).click()
    await expect(preview.getByText('Doomed goal saving…')).toBeVisible()
    await expect(preview.getByRole('alert')).toHaveText(/^Could not add "Doomed goal": .* It was taken out again\.$/)
    await expect(preview.getByRole('listitem').filter({ hasText: 'Doomed goal' })).toHaveCount(0)
  })
})

test.describe('isolation: the preview cannot act as the signed-in reader', () => {
  test('its origin is opaque: no cookies or storage to read, and no call to the proxy carries the session', async ({ page, context, request }) => {
    // 1. A signed-in reader: the site's own page may call the proxy with the cookies.
    await signInThroughForm(page)
    await expectSignedInPage(page)
    expect((await context.cookies()).map((cookie) => cookie.name)).toContain('__Host-bff.access')
    expect(await page.evaluate(() => fetch('/api/proxy/goals').then((response) => response.status))).toBe(200)

    // 2. The preview's iframe: sandboxed, without allow-same-origin.
    await page.goto('/workflows/login')
    const { experiment, runner } = await openExperiment(page, 'login', 'Sign in with the shared schema')
    const sandbox = (await experiment.locator('iframe').getAttribute('sandbox'))!.split(/\s+/).sort()
    expect(sandbox).toEqual(['allow-forms', 'allow-scripts'])
    const frame = runner()
    expect(await frame.evaluate(() => self.origin)).toBe('null')
    for (const read of ['document.cookie', 'localStorage.length']) {
      // Evaluated by Playwright itself: the runner's CSP has no unsafe-eval for the code it runs.
      const outcome = await frame.evaluate((expression) => {
        try {
          return String(expression === 'document.cookie' ? document.cookie : localStorage.length)
        } catch (error) {
          return (error as Error).name
        }
      }, read)
      expect(outcome, read).toBe('SecurityError')
    }

    // 3. fetch: refused by the CSP (connect-src 'none') before anything leaves the browser.
    const proxyRequests: { url: string; headers: Promise<Record<string, string>> }[] = []
    page.on('request', (candidate) => void (candidate.url().includes('/api/proxy/') && proxyRequests.push({ url: candidate.url(), headers: candidate.allHeaders() })))
    const fetched = await frame.evaluate(() => fetch('/api/proxy/goals', { credentials: 'include' }).then((response) => `answered ${response.status}`, (error: Error) => `refused: ${error.name}`))
    expect(fetched).toBe('refused: TypeError')
    expect(proxyRequests).toEqual([])

    // 4. The one way out the CSP leaves, loading a script from the site, goes without the session:
    //    Origin: null and no Cookie (SameSite=Lax cookies stay off cross-site requests).
    const imported = await frame.evaluate((url) => import(url).then(() => 'imported', (error: Error) => `refused: ${error.name}`), '/api/proxy/goals')
    expect(imported).toBe('refused: TypeError')
    const classic = await frame.evaluate(
      () => new Promise<string>((resolve) => document.head.append(Object.assign(document.createElement('script'), { src: '/api/proxy/goals?as=script', onload: () => resolve('ran'), onerror: () => resolve('refused') }))),
    )
    expect(classic).toBe('refused')
    expect(proxyRequests.map((sent) => new URL(sent.url).pathname + new URL(sent.url).search)).toEqual(['/api/proxy/goals', '/api/proxy/goals?as=script'])
    const [module, script] = await Promise.all(proxyRequests.map((sent) => sent.headers))
    expect(module.origin).toBe('null')
    for (const headers of [module, script]) expect(headers.cookie).toBeUndefined()

    // 5. And a request without the session cookie is one the proxy refuses.
    expect((await request.get('/api/proxy/goals')).status()).toBe(401)
  })
})

test.describe('loading', () => {
  // Present in each library's shipped code, minified or not.
  const MARKERS = { sandpack: 'sandpack-react', codemirror: 'cm-content', sucrase: 'asyncOptionalChainDelete' }
  // mermaid's own library; checked only for absence below.
  const FIRST_LOAD_ONLY_MARKERS = { ...MARKERS, mermaid: 'UnknownDiagramError' }

  test('no docs page ships Sandpack, CodeMirror, the compiler or mermaid in its first-load JavaScript', async ({ page, request }) => {
    for (const path of ['/', '/workflows/login', '/workflows/server-fetch', '/workflows/pagination', '/workflows/mutations', '/measured']) {
      for (const { src, code } of await firstLoadScripts(request, path)) {
        for (const [library, marker] of Object.entries(FIRST_LOAD_ONLY_MARKERS)) expect(code.includes(marker), `${path}: ${src} holds ${library}`).toBe(false)
      }
    }

    // The markers are real: once an experiment starts, they arrive.
    const loaded: Promise<string>[] = []
    page.on('response', (response) => void (response.url().endsWith('.js') && loaded.push(response.text().catch(() => ''))))
    await page.goto('/workflows/mutations')
    await openExperiment(page, 'mutations', 'Optimistic updates, rolled back')
    const bodies = await Promise.all(loaded)
    for (const [library, marker] of Object.entries(MARKERS)) expect(bodies.some((body) => body.includes(marker)), `${library} loads with the experiment`).toBe(true)

    // Mermaid never arrives: the diagrams are images drawn ahead of time. Its marker is in its library.
    expect(readFileSync('node_modules/mermaid/dist/mermaid.min.js', 'utf8')).toContain(FIRST_LOAD_ONLY_MARKERS.mermaid)
    loaded.length = 0
    await page.goto('/')
    await page.getByRole('heading', { name: 'The architecture' }).scrollIntoViewIfNeeded()
    await expect(page.getByRole('img', { name: /proxy\.ts/ })).toBeVisible()
    expect((await Promise.all(loaded)).some((body) => body.includes(FIRST_LOAD_ONLY_MARKERS.mermaid)), 'mermaid loads for a diagram').toBe(false)
  })

  test('the runner serves its own vendor files, at the site’s versions, with its CSP', async ({ page, request }) => {
    const runnerResponse = await request.get('/sandbox/runner.html')
    const csp = runnerResponse.headers()['content-security-policy']
    expect(csp).toContain('sandbox allow-scripts')
    expect(csp).toContain("connect-src 'none'")
    expect(csp).not.toContain('allow-same-origin')
    expect(csp).not.toContain('unsafe-eval')

    await page.goto('/workflows/login')
    const { runner } = await openExperiment(page, 'login', 'Sign in with the shared schema')
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'))
    const versions = await runner().evaluate(async () => {
      const urls = JSON.parse(document.getElementById('sandbox-vendor')!.textContent!) as Record<string, string>
      return { react: (await import(urls.react)).version, 'react-dom': (await import(urls['react-dom'])).version }
    })
    expect(versions).toEqual({ react: pkg.dependencies.react, 'react-dom': pkg.dependencies['react-dom'] })
  })
})

test('the editor and its controls work from the keyboard, and Escape then Tab leaves the editor', async ({ page }) => {
  await page.goto('/workflows/mutations')
  const { experiment, preview } = await openExperiment(page, 'mutations', 'Optimistic updates, rolled back')
  await expect(experiment).toContainText('press Esc, then Tab, to move on')
  const editor = editorOf(experiment)
  const inEditor = () => editor.evaluate((element) => element.contains(document.activeElement))

  // Tab from the file tabs onto the editor, then Enter to edit.
  await experiment.getByRole('button', { name: 'App.tsx' }).focus()
  for (let i = 0; i < 10 && !(await inEditor()); i++) await page.keyboard.press('Tab')
  expect(await inEditor()).toBe(true)
  await page.keyboard.press('Enter')
  await expect(experiment.locator('.cm-content')).toBeFocused()

  // Inside, Tab indents: focus stays. Escape, then Tab, moves on.
  await page.keyboard.press('Tab')
  await expect(experiment.locator('.cm-content')).toBeFocused()
  await page.keyboard.press('Escape')
  await page.keyboard.press('Tab')
  expect(await inEditor()).toBe(false)

  // The edit (an indent) enabled Reset; the keyboard reaches it and it works.
  const reset = experiment.getByRole('button', { name: 'Reset' })
  await expect(reset).toBeEnabled()
  await reset.focus()
  await page.keyboard.press('Enter')
  await expect(reset).toBeDisabled()
  await expect(preview.getByRole('heading', { level: 1 })).toHaveText('Optimistic updates, rolled back')
})
