/** The form the goals demo renders for its Server Action (demos/components/goals/server-action-goal-form.tsx). */
const FORM = /<form\b[^>]*data-testid="server-action-form"[^>]*>([\s\S]*?)<\/form>/
const INPUT = /<input\b[^>]*>/g
const ATTRIBUTE = (name: string) => new RegExp(`\\s${name}="([^"]*)"`)
const ENTITIES: Record<string, string> = { '&quot;': '"', '&#x27;': "'", '&#39;': "'", '&lt;': '<', '&gt;': '>', '&amp;': '&' }

/**
 * The hidden fields that name the Server Action in the demo's form, read from
 * the page's HTML as an attacker reads them from a copy of the page they were
 * served themselves: action ids are the same for every visitor of a build.
 * Empty when the page has no such form (signed out, or the API was down).
 */
export function serverActionFields(html: string): [name: string, value: string][] {
  const form = FORM.exec(html)?.[1] ?? ''
  return [...form.matchAll(INPUT)]
    .map(([tag]) => [ATTRIBUTE('name').exec(tag)?.[1] ?? '', decode(ATTRIBUTE('value').exec(tag)?.[1] ?? '')] as [string, string])
    .filter(([name]) => name.startsWith('$ACTION'))
}

function decode(text: string) {
  return text.replace(/&(quot|#x27|#39|lt|gt|amp);/g, (entity) => ENTITIES[entity])
}
