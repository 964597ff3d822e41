import type { PluginCreator } from 'postcss'

export type ClassAttributeReplacements = { replacements: Record<string, string> }

export declare const CLASS_ATTRIBUTE_SELECTOR: RegExp

declare const classNamesForClassAttributes: PluginCreator<ClassAttributeReplacements>
export default classNamesForClassAttributes
