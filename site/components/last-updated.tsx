'use client'

import type { ReactNode } from 'react'

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/**
 * The date under each docs page, in place of the theme's own <LastUpdated>. The
 * theme's formats the date with toLocaleDateString, and the first Intl call of a
 * page loads the browser's locale data. In a trace with the CPU slowed four
 * times, as on Lighthouse's phone, that was about 60 ms of a task inside
 * hydration, on every page with a date. The
 * site is in English, so the month's name is all the locale it needs. The day
 * is the UTC one, so the server's HTML and the browser agree.
 */
export function LastUpdated({ date, children = 'Last updated on' }: { date?: Date; children?: ReactNode }) {
  if (!date) return null
  return (
    <>
      {children} <time dateTime={date.toISOString()}>{formatDay(date)}</time>
    </>
  )
}

/** "November 30, 2026": what the theme's component writes for its default locale, "en". */
export function formatDay(date: Date): string {
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}`
}
