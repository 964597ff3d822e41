import type { SandpackTheme } from '@codesandbox/sandpack-react'

// GitHub's colours, as shiki uses for the highlighted code shown before the
// editor loads, and the placeholder's font metrics: swapping one for the other
// changes nothing on screen.
const font = {
  body: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  mono: 'ui-monospace, SFMono-Regular, Menlo, Monaco, Consolas, "Liberation Mono", "Courier New", monospace',
  size: '13px',
  lineHeight: '20px',
}

const light: SandpackTheme = {
  colors: { surface1: '#ffffff', surface2: '#d0d7de', surface3: '#f6f8fa', disabled: '#8c959f', base: '#57606a', clickable: '#57606a', hover: '#1f2328', accent: '#0b5fff', error: '#c62828', errorSurface: '#ffebee' },
  syntax: { plain: '#24292e', comment: '#6a737d', keyword: '#d73a49', definition: '#6f42c1', punctuation: '#24292e', property: '#005cc5', tag: '#22863a', static: '#005cc5', string: '#032f62' },
  font,
}

const dark: SandpackTheme = {
  colors: { surface1: '#111111', surface2: '#30363d', surface3: '#1c2128', disabled: '#6e7681', base: '#adbac7', clickable: '#adbac7', hover: '#e6edf3', accent: '#82b1ff', error: '#ff8a80', errorSurface: '#3b1d1d' },
  syntax: { plain: '#e1e4e8', comment: '#6a737d', keyword: '#f97583', definition: '#b392f0', punctuation: '#e1e4e8', property: '#79b8ff', tag: '#85e89d', static: '#79b8ff', string: '#9ecbff' },
  font,
}

export const sandpackTheme = (scheme: 'light' | 'dark') => (scheme === 'dark' ? dark : light)
