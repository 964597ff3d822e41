import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { formatDay, LastUpdated } from '@/site/components/last-updated'

// The date under each docs page, written without Intl: the first Intl call of a
// page costs it a long task while it hydrates (site/components/last-updated.tsx).
describe('LastUpdated', () => {
  afterEach(() => vi.restoreAllMocks())

  it('writes each month as the theme does for English', () => {
    for (let month = 0; month < 12; month++) {
      const date = new Date(Date.UTC(2026, month, 7, 12))
      expect(formatDay(date)).toBe(date.toLocaleDateString('en', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }))
    }
  })

  it('dates the page by the UTC day, so the server and every browser agree', () => {
    const html = renderToStaticMarkup(createElement(LastUpdated, { date: new Date('2026-11-30T23:30:00Z') }))
    expect(html).toBe('Last updated on <time dateTime="2026-11-30T23:30:00.000Z">November 30, 2026</time>')
  })

  it('does not call Intl', () => {
    const intl = vi.spyOn(Intl, 'DateTimeFormat')
    const local = vi.spyOn(Date.prototype, 'toLocaleDateString')
    renderToStaticMarkup(createElement(LastUpdated, { date: new Date('2026-01-02T00:00:00Z') }))
    expect(intl).not.toHaveBeenCalled()
    expect(local).not.toHaveBeenCalled()
  })

  it('writes nothing for a page with no date', () => {
    expect(renderToStaticMarkup(createElement(LastUpdated, {}))).toBe('')
  })
})
