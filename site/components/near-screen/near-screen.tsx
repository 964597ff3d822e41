'use client'

import { type ComponentType, lazy, type RefObject, Suspense, useEffect, useRef } from 'react'

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
 * The server renders the component in full, so the prerendered HTML already
 * holds it and nothing moves when the code arrives: while the chunk is not
 * there, React leaves that part of the page as the server drew it, and
 * hydrates it once the chunk has loaded. Until then a click on it does nothing,
 * so the wrapper says when it is live: data-near-screen="hydrated".
 */
export function nearScreen<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let reachScreen!: () => void
  const nearing = new Promise<void>((resolve) => (reachScreen = resolve))
  const Lazy = lazy(async () => {
    // The server renders it at once; the browser waits until a reader comes near.
    if (typeof window !== 'undefined') await nearing
    return { default: await load() }
  })

  function NearScreen(props: P) {
    const ref = useRef<HTMLDivElement>(null)
    useEffect(function loadWhenNearScreen() {
      const observer = new IntersectionObserver(
        (entries) => {
          if (!entries.some((entry) => entry.isIntersecting)) return
          observer.disconnect()
          reachScreen()
        },
        { rootMargin: NEAR_SCREEN_MARGIN },
      )
      observer.observe(ref.current!)
      return () => observer.disconnect()
    }, [])
    return (
      <div ref={ref} data-near-screen="">
        <Suspense fallback={null}>
          <Lazy {...props} />
          <Hydrated wrapper={ref} />
        </Suspense>
      </div>
    )
  }
  return NearScreen
}

/** Inside the same boundary as the component, so its effect runs when the component has hydrated. */
function Hydrated({ wrapper }: { wrapper: RefObject<HTMLDivElement | null> }) {
  useEffect(
    function markHydrated() {
      wrapper.current?.setAttribute('data-near-screen', 'hydrated')
    },
    [wrapper],
  )
  return null
}
