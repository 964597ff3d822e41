import 'server-only'
import { SignJWT, decodeJwt } from 'jose'

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')

/** The reader's own claims, unsigned: `alg: none`, the classic algorithm-confusion trick. */
export function algNoneCopy(token: string): string {
  return `${encode({ alg: 'none', typ: 'JWT' })}.${token.split('.')[1]}.`
}

/** The reader's token with `role: admin` written into the payload, and the old signature kept. */
export function editedPayloadCopy(token: string): string {
  const [header, , signature] = token.split('.')
  return `${header}.${encode({ ...decodeJwt(token), role: 'admin' })}.${signature}`
}

/** The reader's claims, validly signed, but with a key the API has never seen. */
export async function wrongKeyCopy(token: string): Promise<string> {
  const key = crypto.getRandomValues(new Uint8Array(32))
  return new SignJWT({ ...decodeJwt(token) }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(key)
}
