// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react'
import { hydrateRoot } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nearScreen } from '@/site/components/near-screen/near-screen'

// In the browser, a near-screen component's code is not fetched until the
// reader comes near it; then it loads, renders, and says it is live.
let reportIntersecting: (isIntersecting: boolean) => void
beforeEach(() => {
  vi.stubGlobal(
    'IntersectionObserver',
    class {
      constructor(callback: (entries: { isIntersecting: boolean }[]) => void) {
        reportIntersecting = (isIntersecting) => callback([{ isIntersecting }])
      }
      observe() {}
      disconnect() {}
    },
  )
})
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe('nearScreen in the browser', () => {
  it('fetches the code only once the component nears the screen', async () => {
    const load = vi.fn(async () => function Demo({ name }: { name: string }) {
      return <p>Demo for {name}</p>
    })
    const Demo = nearScreen(load)
    const { container } = render(<Demo name="Ada" />)
    await act(async () => reportIntersecting(false))
    expect(load).not.toHaveBeenCalled()
    expect(screen.queryByText('Demo for Ada')).toBeNull()

    await act(async () => reportIntersecting(true))
    expect(load).toHaveBeenCalledTimes(1)
    expect(await screen.findByText('Demo for Ada')).toBeTruthy()
    expect(container.firstElementChild!.getAttribute('data-near-screen')).toBe('hydrated')
  })

  it('keeps the server’s HTML through hydration, then puts the live component in its place, once', async () => {
    const load = vi.fn(async () => function Demo({ name }: { name: string }) {
      return <p>Demo for {name}</p>
    })
    const Demo = nearScreen(load)
    const container = document.createElement('div')
    container.innerHTML = '<div data-near-screen=""><p>Demo for Ada</p></div>'
    document.body.append(container)
    const root = await act(async () => hydrateRoot(container, <Demo name="Ada" />))
    expect(container.innerHTML).toBe('<div data-near-screen=""><p>Demo for Ada</p></div>')
    expect(load).not.toHaveBeenCalled()

    await act(async () => reportIntersecting(true))
    expect(container.innerHTML).toBe('<div data-near-screen="hydrated"><p>Demo for Ada</p></div>')
    act(() => root.unmount())
    container.remove()
  })
})
