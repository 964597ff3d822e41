import { Readable } from 'node:stream'
import { createElement } from 'react'
import { prerenderToNodeStream } from 'react-dom/static'
import { describe, expect, it } from 'vitest'
import { nearScreen } from '@/site/components/near-screen/near-screen'

// On the server a near-screen component renders in full: the prerendered docs
// page holds it, so nothing moves when its code arrives in the browser.
describe('nearScreen on the server', () => {
  it('draws the whole component into the HTML, inside its wrapper', async () => {
    const Demo = nearScreen(async () => function Demo({ name }: { name: string }) {
      return createElement('p', null, `Demo for ${name}`)
    })
    const { prelude } = await prerenderToNodeStream(createElement(Demo, { name: 'Ada' }))
    let html = ''
    for await (const chunk of prelude as Readable) html += chunk
    expect(html).toMatch(/<div data-near-screen="">.*<p>Demo for Ada<\/p>.*<\/div>/)
  })

  it('draws it in place, not at the end of a long page where a script would move it in after a first paint', async () => {
    // React writes a Suspense boundary that comes after about 12 KB of HTML at the end of the
    // document, to be moved into place by a script: the page would paint without it, then shift.
    const Demo = nearScreen(async () => function Demo({ name }: { name: string }) {
      return createElement('p', null, `Demo for ${name}`)
    })
    const page = createElement('main', null, createElement('p', null, 'Prose. '.repeat(4_000)), createElement(Demo, { name: 'Ada' }))
    const { prelude } = await prerenderToNodeStream(page)
    let html = ''
    for await (const chunk of prelude as Readable) html += chunk
    expect(html).toContain('<div data-near-screen=""><p>Demo for Ada</p></div>')
    expect(html).not.toContain('<template')
  })
})
