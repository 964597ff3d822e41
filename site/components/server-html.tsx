'use client'

import { type ReactNode, useState, useSyncExternalStore } from 'react'

// React reads the server's snapshot while it hydrates and the browser's when it
// mounts a component anew: which one came back says which of the two this is.
const neverChanges = () => () => {}
const hydrating = () => true
const notHydrating = () => false

/**
 * Markup with nothing to do in the browser, such as a long table or a chart,
 * kept as the server wrote it instead of hydrated.
 *
 * Hydration walks every element a page's components render, down to the last
 * table cell and SVG rect, though a static one gains nothing from it. On
 * /measured that is over a thousand cells and chart shapes, walked in one long
 * task while the reader waits to scroll.
 *
 * 1. On the server the children render in place, in the page's HTML.
 * 2. When the page hydrates, the wrapper's (empty) dangerouslySetInnerHTML
 *    tells React not to look inside: the HTML stays as it arrived, and React
 *    creates nothing for it. Links in it are plain links, so it must hold
 *    nothing interactive: no client component, no event handler.
 * 3. Mounted later, by a client-side navigation, there is no server HTML: the
 *    children render as usual.
 */
export function ServerHtml({ children }: { children: ReactNode }) {
  const [keepServerHtml] = useState(useSyncExternalStore(neverChanges, notHydrating, hydrating))
  if (typeof window !== 'undefined' && keepServerHtml) return <div data-server-html="" dangerouslySetInnerHTML={{ __html: '' }} suppressHydrationWarning />
  return <div data-server-html="">{children}</div>
}
