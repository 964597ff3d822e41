/**
 * A short, stable name for a text (32-bit FNV-1a, in base 36): the same text
 * always gets the same name, in every build and on every page. Not for
 * anything an attacker chooses: collisions are easy to make.
 */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
  return (hash >>> 0).toString(36)
}
