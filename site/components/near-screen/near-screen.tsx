'use client'

import { type ComponentType, lazy, startTransition, useEffect, useRef, useState } from 'react'

/** How far below (or above) the screen a component starts loading: about a screen ahead of the reader. */
export const NEAR_SCREEN_MARGIN = '600px 0px'

/**
 * A client component whose code is fetched when it comes near the screen. Every
 * docs page is one route (app/[[...mdxPath]]), and Nextra's page map, in the root
 * layout, imports every MDX page, so a plain import would put each demo's code,
 * and its libraries, into the first-load JavaScript of every page on the site.
 * Behind import() it is a chunk of its own, fetched only by the page that shows
 * it. (For the same reason no client component lives in content/: Nextra's
 * importPage can require any file there.)
 *
 * 1. The server renders the component in full, in place: no <Suspense> of its
 *    own, since React writes a boundary that comes after the first few KB of a
 *    page at the end of the document, for a script to move in after the page
 *    has painted, and everything below it would shift.
 * 2. Hydration keeps the server's HTML as it is: the wrapper's (empty)
 *    dangerouslySetInnerHTML tells React not to look inside. Until the code is
 *    there that HTML is inert.
 * 3. Near the screen, the code loads and the component replaces that HTML with
 *    the same markup, live, in one commit; the wrapper then says so:
 *    data-near-screen="hydrated". (On a client-side navigation there is no
 *    server HTML: the wrapper stays empty until the code arrives.) That render
 *    is a transition: nothing waits on it, so React may yield to the browser
 *    between components, and only the commit is one piece.
 */
export function nearScreen<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const OnTheServer = lazy(async () => ({ default: await load() }))

  function NearScreen(props: P) {
    const ref = useRef<HTMLDivElement>(null)
    const [Loaded, setLoaded] = useState<ComponentType<P> | null>(null)
    useEffect(function loadWhenNearScreen() {
      let active = true
      const observer = new IntersectionObserver(
        (entries) => {
          if (!entries.some((entry) => entry.isIntersecting)) return
          observer.disconnect()
          void load().then((component) => active && startTransition(() => setLoaded(() => component)))
        },
        { rootMargin: NEAR_SCREEN_MARGIN },
      )
      observer.observe(ref.current!)
      return () => {
        active = false
        observer.disconnect()
      }
    }, [])
    if (typeof window === 'undefined') {
      return (
        <div data-near-screen="">
          <OnTheServer {...props} />
        </div>
      )
    }
    if (!Loaded) return <div key="server-html" ref={ref} data-near-screen="" dangerouslySetInnerHTML={{ __html: '' }} suppressHydrationWarning />
    // A new key: React removes the server's HTML with the old element instead of keeping it beside the live one.
    return (
      <div key="live" ref={ref} data-near-screen="hydrated">
        <Loaded {...props} />
      </div>
    )
  }
  return NearScreen
}
