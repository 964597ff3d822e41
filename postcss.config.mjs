// The docs theme's stylesheet picks code lines with `:not([class*='twoslash-'])`,
// and its banner with `:not([class$=hidden])`. A selector on the class
// *attribute* makes Chromium restyle, whenever any element's class changes,
// every <span> below that element: the theme sets a class on <html> as every
// page loads and at each theme switch, and a code-heavy page has thousands of
// token spans. The same selectors written with class names are restyled only
// when those classes change. Specificity is unchanged (an attribute selector
// and a class both count 0,1,0), and this site has no twoslash blocks. Next.js
// runs this config on every stylesheet, the theme's in node_modules included;
// the bare Nextra page in bench/ is built with it too. tests/e2e/docs-site.spec.ts
// fails if a page's stylesheet selects on the class attribute again.
import classNamesForClassAttributes from './site/postcss/class-names-for-class-attributes.mjs'

export const CLASS_ATTRIBUTE_SELECTORS = {
  ":not([class*='twoslash-'])": ':not(.twoslash)',
  ':not([class$=hidden])': ':not(.x\\:hidden)',
}

const config = {
  // A [plugin, options] pair: Turbopack would require a plugin named by path from its own build directory.
  plugins: [[classNamesForClassAttributes, { replacements: CLASS_ATTRIBUTE_SELECTORS }]],
}

export default config
