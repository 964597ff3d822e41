'use client'

import { nearScreen } from './near-screen'

/** The docs' way into a protected demo (site/components/open-demo.tsx), loaded near the screen. */
export const OpenDemo = nearScreen(() => import('@/site/components/open-demo').then((module) => module.OpenDemo))
