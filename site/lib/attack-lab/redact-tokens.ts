import { JWT_IN_TEXT } from '@/demos/lib/auth/bearer'

const EVERY_JWT = new RegExp(JWT_IN_TEXT, 'g')

/** The lab reports what happened, never the tokens it used: any JWT-shaped text becomes a marker. */
export function redactTokens(text: string): string {
  return text.replace(EVERY_JWT, '[token redacted]')
}
