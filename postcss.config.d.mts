import type { PluginCreator } from 'postcss'
import type { ClassAttributeReplacements } from './site/postcss/class-names-for-class-attributes.mjs'

// The types of postcss.config.mjs, for the unit test that runs it.
export declare const CLASS_ATTRIBUTE_SELECTORS: Record<string, string>
declare const config: { plugins: [PluginCreator<ClassAttributeReplacements>, ClassAttributeReplacements][] }
export default config
