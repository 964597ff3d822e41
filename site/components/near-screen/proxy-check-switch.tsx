'use client'

import { nearScreen } from './near-screen'

/** The route protection page's live switch (site/components/proxy-check-switch.tsx), loaded near the screen. */
export const ProxyCheckSwitch = nearScreen(() => import('@/site/components/proxy-check-switch').then((module) => module.ProxyCheckSwitch))
