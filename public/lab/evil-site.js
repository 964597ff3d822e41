// The attack lab's cross-site page. Opened by the lab from the OTHER loopback
// host, it aims forms and fetches at the site the reader is signed in to, and
// also at the lab's probe route, which records whether the session cookie and
// the anti-forgery header arrived. It reports what an attacker's page can see.
;(async function attackFromAnotherSite() {
  const params = new URLSearchParams(location.search)
  const target = URL.canParse(params.get('target') || '') ? new URL(params.get('target')) : null
  const run = params.get('run') || ''
  if (!target || !/^https?:$/.test(target.protocol) || !/^[\w-]{8,64}$/.test(run)) {
    document.getElementById('target').textContent = 'none: open this page from the attack lab, which says which site to attack.'
    return
  }
  document.getElementById('target').textContent = target.origin
  // A request to its own site is no attack: it is same-origin, so the browser
  // sends the session cookie and lets this page set x-csrf and read the answers,
  // exactly as the site's own script does. Cookies ignore the port, so the same
  // host on another port is the same site too. Run only against another site.
  if (target.hostname === location.hostname) {
    const refused = document.getElementById('refused')
    refused.textContent = `Refused: ${target.origin} is this page's own site, so its requests would carry your cookies and the x-csrf header legitimately and prove nothing. Open it from the attack lab, which serves it from the other loopback host (127.0.0.1 for localhost, and the reverse).`
    refused.hidden = false
    return
  }
  const list = document.getElementById('attempts')
  const results = []

  function report(attempt, what, seen) {
    results.push({ attempt, seen })
    const item = document.createElement('li')
    item.dataset.attempt = attempt
    item.textContent = `${what}: ${seen}`
    list.append(item)
  }
  const probe = (attempt) => `${target.origin}/api/lab/csrf-probe?run=${run}&attempt=${attempt}`
  const goalBody = (attempt) => `{"title":"CSRF ${attempt} ${run}","x":"` // text/plain: the form appends `="`

  // 1. Plain HTML forms, the classic CSRF: a browser sends them cross-site without asking.
  function submitForm(action, attempt) {
    return new Promise((resolve) => {
      const frame = document.createElement('iframe')
      frame.name = `sink-${attempt}-${Math.random().toString(36).slice(2)}`
      document.body.append(frame)
      const form = document.createElement('form')
      form.method = 'POST'
      form.action = action
      form.enctype = 'text/plain'
      form.target = frame.name
      const field = document.createElement('input')
      field.name = goalBody(attempt)
      field.value = '"}'
      form.append(field)
      document.body.append(form)
      frame.addEventListener('load', () => resolve(), { once: true })
      setTimeout(resolve, 3000)
      form.submit()
    })
  }
  // The attack lab's Server Action case: a form copied from the target's goals page
  // (its hidden fields name the action), posted as a browser posts any form.
  if (params.get('attack') === 'server-action') {
    const fields = serverActionFields(params.get('fields'))
    const title = [['title', `CSRF server-action ${run}`], ['description', '']]
    await submitFields(`${target.origin}/demo/goals`, [...fields, ...title])
    await submitFields(probe('form-server-action'), [])
    report('form-server-action', `Form POST of ${fields.length} copied action fields to /demo/goals`, 'sent; this page cannot read the answer')
    return finish()
  }

  await submitForm(`${target.origin}/api/proxy/goals`, 'form-proxy')
  await submitForm(probe('form-proxy'), 'form-proxy')
  report('form-proxy', 'Form POST to /api/proxy/goals', 'sent; this page cannot read the answer')
  await submitForm(`${target.origin}/api/auth/logout`, 'form-logout')
  await submitForm(probe('form-logout'), 'form-logout')
  report('form-logout', 'Form POST to /api/auth/logout', 'sent; this page cannot read the answer')

  // 2. fetch without custom headers: a "simple" request the browser sends without a preflight.
  const simple = { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'content-type': 'text/plain' }, body: `${goalBody('fetch-simple')}"}` }
  await fetch(`${target.origin}/api/proxy/goals`, simple).catch(() => null)
  await fetch(probe('fetch-simple'), simple).catch(() => null)
  await fetch(`${target.origin}/api/auth/refresh`, { ...simple, body: '' }).catch(() => null)
  report('fetch-simple', 'fetch (no-cors, credentials) to /api/proxy/goals and /api/auth/refresh', 'sent; the answer is opaque to this page')

  // 3. fetch WITH the anti-forgery header: needs a CORS preflight, which the site never approves.
  const withHeader = { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json', 'x-csrf': '1' }, body: JSON.stringify({ title: `CSRF fetch-header ${run}` }) }
  const outcomes = await Promise.all(
    [`${target.origin}/api/proxy/goals`, probe('fetch-header')].map((url) =>
      fetch(url, withHeader).then((r) => `answered ${r.status}`, (error) => `refused by the browser (${error.name})`),
    ),
  )
  report('fetch-header', 'fetch with x-csrf: 1 to /api/proxy/goals', outcomes[0])

  // 4. Reading data: a credentialed GET whose answer the page wants to read.
  const read = await fetch(`${target.origin}/api/proxy/users/me`, { credentials: 'include' }).then(
    async (r) => `read ${r.status}: ${(await r.text()).slice(0, 80)}`,
    (error) => `refused by the browser (${error.name})`,
  )
  report('fetch-read', 'fetch /api/proxy/users/me and read it', read)

  finish()

  function finish() {
    document.getElementById('done').hidden = false
    // Tell the lab tab (if it opened this page) that the attempts are over.
    if (window.opener) window.opener.postMessage({ type: 'evil-site-done', run, results }, target.origin)
  }

  // A multipart form, as Next.js's own no-JavaScript Server Action forms post.
  function submitFields(action, fields) {
    return new Promise((resolve) => {
      const frame = document.createElement('iframe')
      frame.name = `sink-action-${Math.random().toString(36).slice(2)}`
      document.body.append(frame)
      const form = document.createElement('form')
      form.method = 'POST'
      form.action = action
      form.enctype = 'multipart/form-data'
      form.target = frame.name
      for (const [name, value] of fields) {
        const field = document.createElement('input')
        field.type = 'hidden'
        field.name = name
        field.value = value
        form.append(field)
      }
      document.body.append(form)
      frame.addEventListener('load', () => resolve(), { once: true })
      setTimeout(resolve, 3000)
      form.submit()
    })
  }

  // Only fields that name a Server Action, and few of them: this page posts nothing else it is handed.
  function serverActionFields(text) {
    try {
      const fields = JSON.parse(text || '[]')
      if (!Array.isArray(fields) || fields.length > 10) return []
      return fields.filter((f) => Array.isArray(f) && f.length === 2 && /^\$ACTION[\w:]*$/.test(f[0]) && typeof f[1] === 'string' && f[1].length < 2048)
    } catch {
      return []
    }
  }
})()
