import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import type { BenchResults } from '../../site/lib/measured/read-bench-results'
import { evaluateGoals } from '../../site/lib/measured/bench-goals'
import { firstLoadScripts } from './support/first-load'

const CHARTS = ['proxy-throughput', 'proxy-latency', 'load-steps', 'bundle']
// The chart's class name: if any script the page loads holds it, chart code reached the browser.
const CHART_MARK = 'bff-bar-chart'

test('the Measured page marks each goal met or missed as bench/results.json says', async ({ page }) => {
  const results = JSON.parse(readFileSync('bench/results.json', 'utf8')) as BenchResults
  await page.goto('/measured')
  const rows = page.getByTestId('bench-goals').locator('tbody tr')
  const expected = evaluateGoals(results)
  await expect(rows).toHaveCount(expected.length)
  for (const { goal, status } of expected) {
    const row = rows.and(page.locator(`[data-goal="${goal.id}"]`))
    await expect(row).toHaveAttribute('data-status', status)
    await expect(row.locator('td').last()).toContainText(status === 'met' ? '✓ met' : status === 'missed' ? '✗ missed' : 'not measured')
  }
})

test('its charts are static SVG with a text alternative and a table beside them, and ship no JavaScript', async ({ page, request }) => {
  const loaded: string[] = []
  page.on('response', async (response) => {
    if (response.request().resourceType() === 'script') loaded.push(await response.text().catch(() => ''))
  })
  await page.goto('/measured')
  for (const chart of CHARTS) {
    const figure = page.getByTestId(`chart-${chart}`)
    const svg = figure.locator('svg[role="img"]')
    await expect(svg).toHaveCount(1)
    // Its name is the title; its description, every figure it draws.
    await expect(svg.locator(`title#${await svg.getAttribute('aria-labelledby')}`)).not.toBeEmpty()
    await expect(svg.locator(`desc#${await svg.getAttribute('aria-describedby')}`)).not.toBeEmpty()
    await expect(svg).toHaveAccessibleName(/\w/)
    await expect(svg).toHaveAccessibleDescription(/\d/)
    // The figures as text: the next table after the figure, before any heading.
    const tableFollows = await figure.evaluate((element) => {
      for (let next = element.nextElementSibling; next && !/^H\d$/.test(next.tagName); next = next.nextElementSibling) {
        if (next.tagName === 'TABLE') return true
      }
      return false
    })
    expect(tableFollows, chart).toBe(true)
  }
  // Every later chunk too: scroll to the end, so anything lazy near a chart would load.
  await page.getByTestId('chart-bundle').scrollIntoViewIfNeeded()
  await page.keyboard.press('End')
  await page.waitForLoadState('networkidle')
  const scripts = [...loaded, ...(await firstLoadScripts(request, '/measured')).map((script) => script.code)]
  expect(scripts.length).toBeGreaterThan(0)
  expect(scripts.filter((code) => code.includes(CHART_MARK))).toEqual([])
})

test('its tables have the docs theme’s cell borders and padding', async ({ page }) => {
  await page.goto('/measured')
  for (const id of ['bench-goals', 'bench-proxy', 'bench-ttfb', 'bench-load', 'bench-quality', 'bench-bundle', 'bench-uploads']) {
    const header = page.getByTestId(id).locator('th').first()
    const style = await header.evaluate((th) => ({ padding: getComputedStyle(th).paddingLeft, border: getComputedStyle(th).borderLeftWidth }))
    expect(parseFloat(style.padding), id).toBeGreaterThan(0)
    expect(parseFloat(style.border), id).toBeGreaterThan(0)
  }
})
