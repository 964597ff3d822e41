/** A selector on the class attribute; `\[class` is part of an escaped class name instead. */
export const CLASS_ATTRIBUTE_SELECTOR = /(?<!\\)\[class[\]*^$|~]?=?/

/**
 * A PostCSS plugin: rewrites the selectors given (postcss.config.mjs says why),
 * word for word, in every rule. An escaped class name that merely contains the
 * same text (Tailwind's arbitrary variants) has backslashes in it and is left alone.
 * @type {import('postcss').PluginCreator<{ replacements: Record<string, string> }>}
 */
const classNamesForClassAttributes = ({ replacements } = { replacements: {} }) => ({
  postcssPlugin: 'class-names-for-class-attributes',
  Rule(rule) {
    for (const [from, to] of Object.entries(replacements)) {
      if (rule.selector.includes(from)) rule.selector = rule.selector.replaceAll(from, to)
    }
  },
})
classNamesForClassAttributes.postcss = true

export default classNamesForClassAttributes
