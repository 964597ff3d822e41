'use client'

import { nearScreen } from './near-screen'

/** Workflow A's live sign-in demo, for its docs page: the form, react-hook-form and zod load near the screen. */
export const LoginPanel = nearScreen(() => import('@/demos/components/login-panel').then((module) => module.LoginPanel))
