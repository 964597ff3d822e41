'use client'

import dynamic from 'next/dynamic'

// Every docs page is one route (app/[[...mdxPath]]), so a plain import would put
// the lab's code into the first-load JavaScript of every docs page. As its own
// chunk it loads only where it is rendered.
export const AttackLab = dynamic(() => import('./attack-lab').then((module) => module.AttackLab), {
  loading: () => <p>Loading the attack lab…</p>,
})
