import type { PluginCreator } from 'postcss'

export type ClassAttributeReplacements = { replacements: Record<string, string> }

declare const classNamesForClassAttributes: PluginCreator<ClassAttributeReplacements>
export default classNamesForClassAttributes
