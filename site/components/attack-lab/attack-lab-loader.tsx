'use client'

import { nearScreen } from '../near-screen/near-screen'

// The lab's code, and the attacks it runs, load only on its own page, when it nears the screen.
export const AttackLab = nearScreen(() => import('./attack-lab').then((module) => module.AttackLab))
