/** The attacks the lab's server endpoint runs. Anything else is a 400. */
export const LAB_ATTACKS = ['middleware-bypass', 'alg-none', 'edited-payload', 'wrong-key', 'expired-token', 'raw-path-traversal', 'server-action-origin', 'direct-uploads'] as const

export type LabAttack = (typeof LAB_ATTACKS)[number]

export type LabStep = { label: string; status: number; blocked: boolean; detail: string }

export type LabOutcome = { attack: LabAttack; blocked: boolean; steps: LabStep[] }
