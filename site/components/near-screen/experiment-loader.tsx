'use client'

// Its styles (sandbox/experiment.css) come with the page, from app/layout.tsx: the
// server draws the placeholder, and it must be styled before the code arrives.
import { nearScreen } from './near-screen'

/**
 * An experiment's placeholder and loader (sandbox/experiment-loader.tsx),
 * itself loaded near the screen; it then fetches the preview and the editor.
 */
export const ExperimentLoader = nearScreen(() => import('@/sandbox/experiment-loader').then((module) => module.ExperimentLoader))
