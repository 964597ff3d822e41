// What one password hash costs each API, measured side by side at the start of
// a run, so the sign-in figures of the two load tests compare like with like.
// The mock hashes with Node's scrypt defaults (mocks/passwords.ts); the .NET
// API with PasswordHasher<T>, which is PBKDF2-HMAC-SHA512 (a 32-byte subkey).
// On Linux .NET computes PBKDF2 with OpenSSL, the same code Node's pbkdf2 runs,
// so Node can time both without a second runtime.
import { pbkdf2Sync, randomBytes, scryptSync } from 'node:crypto'
import { median, round } from './measure-load'

export type PasswordCost = {
  samples: number
  mockScrypt: { params: string; medianMs: number }
  dotnetPbkdf2: { params: string; iterations: number; medianMs: number }
}

export function measurePasswordCost(iterations: number, samples = 15): PasswordCost {
  const salt = randomBytes(16)
  const scrypt: number[] = []
  const pbkdf2: number[] = []
  // Taking turns, so a neighbour's burst of work slows both.
  for (let i = 0; i < samples; i++) {
    scrypt.push(time(() => scryptSync('benchmark-password', salt, 64)))
    pbkdf2.push(time(() => pbkdf2Sync('benchmark-password', salt, iterations, 32, 'sha512')))
  }
  return {
    samples,
    mockScrypt: { params: 'scrypt N=16384, r=8, p=1, 64-byte key', medianMs: round(median(scrypt), 1) },
    dotnetPbkdf2: { params: `PBKDF2-HMAC-SHA512, ${iterations} iterations, 32-byte key`, iterations, medianMs: round(median(pbkdf2), 1) },
  }
}

function time(work: () => unknown): number {
  const started = performance.now()
  work()
  return performance.now() - started
}
