// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react'
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
})
