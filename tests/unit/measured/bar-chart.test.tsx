import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { axis, BarChart } from '@/site/components/measured/bar-chart'

const render = (values: { a: number; b: number | null }) =>
  renderToStaticMarkup(
    <BarChart
      id="test-chart"
      title="Requests per second"
      series={[
        { key: 'a', label: 'Direct' },
        { key: 'b', label: 'Naive proxy' },
      ]}
      groups={[{ label: 'mock, 1 connection', bars: { a: { value: values.a }, b: values.b === null ? null : { value: values.b, whisker: values.b * 2 } } }]}
      format={(value) => `${value}/s`}
      axisLabel="requests per second"
      whiskerLabel="p99"
    />,
  )

/** The widths of the bars (the only rects with a height of a bar, after the legend's squares). */
const barWidths = (svg: string) => [...svg.matchAll(/<rect x="[\d.]+" y="[\d.]+" width="([\d.]+)" height="14"/g)].map((m) => Number(m[1]))

describe('BarChart', () => {
  it('draws one static SVG image named by its title, with no script and no event handler', () => {
    const svg = render({ a: 300, b: 120 })
    expect(svg).toMatch(/^<svg[^>]* role="img"/)
    expect(svg).toContain('aria-labelledby="test-chart-title"')
    expect(svg).toContain('<title id="test-chart-title">Requests per second</title>')
    expect(svg).not.toMatch(/<script|\son[a-z]+=/i)
  })

  it('draws bars whose lengths scale with the numbers', () => {
    const [a, b] = barWidths(render({ a: 300, b: 120 }))
    expect(a / b).toBeCloseTo(300 / 120, 5)
    const [c, d] = barWidths(render({ a: 300, b: 75 }))
    expect(c / d).toBeCloseTo(4, 5)
    // The same value on the same axis (p99 240 and 150 both end it at 300) draws the same length.
    expect(c).toBe(a)
  })

  it('states every figure in its text alternative, and says which bar was not measured', () => {
    expect(render({ a: 300, b: 120 })).toContain(
      '<desc id="test-chart-desc">mock, 1 connection: Direct 300/s, Naive proxy 120/s (p99 240/s).</desc>',
    )
    expect(render({ a: 300, b: null })).toContain('Naive proxy not measured')
  })
})

describe('axis', () => {
  it('ends on a round number at or past the largest value, in at most five steps', () => {
    expect(axis(301)).toEqual({ max: 400, ticks: [0, 100, 200, 300, 400] })
    expect(axis(0.45).max).toBe(0.5)
    expect(axis(0)).toEqual({ max: 1, ticks: [0, 1] })
  })
})
