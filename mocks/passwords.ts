import { randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto'
import { promisify } from 'node:util'

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>
const keyLength = 64

export interface PasswordHash {
  salt: Buffer
  hash: Buffer
}

export async function hashPassword(password: string): Promise<PasswordHash> {
  const salt = randomBytes(16)
  return { salt, hash: await scryptAsync(password, salt, keyLength) }
}

/** For the demo account, hashed once while the mock starts up. */
export function hashPasswordSync(password: string): PasswordHash {
  const salt = randomBytes(16)
  return { salt, hash: scryptSync(password, salt, keyLength) }
}

// Compared against when the email is unknown, so a miss costs as much as a
// wrong password and response times do not reveal which emails exist.
const decoy = hashPasswordSync(randomBytes(16).toString('hex'))

export async function verifyPassword(password: string, stored: PasswordHash | undefined): Promise<boolean> {
  const target = stored ?? decoy
  const candidate = await scryptAsync(password, target.salt, keyLength)
  return timingSafeEqual(candidate, target.hash) && stored !== undefined
}
