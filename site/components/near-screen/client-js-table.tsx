'use client'

import { nearScreen } from './near-screen'

/** The measured client JavaScript of the goals demo (site/components/client-js-table.tsx), loaded near the screen. */
export const ClientJsTable = nearScreen(() => import('@/site/components/client-js-table').then((module) => module.ClientJsTable))
