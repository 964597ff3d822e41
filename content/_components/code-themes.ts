/**
 * Shiki themes for every code block: GitHub's current ("default") themes,
 * whose token colours all reach WCAG AA contrast (4.5:1) on the docs' code
 * background; the older `github-light` puts variables in #E36209 (3.5:1).
 * next.config.mjs gives Nextra's own Markdown code fences the same pair.
 */
export const CODE_THEMES = { light: 'github-light-default', dark: 'github-dark-default' } as const
