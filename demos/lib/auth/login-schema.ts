import { z } from 'zod'

// One schema for the browser form and the BFF route handler, so the two can
// never disagree about what a valid login is. The limits match the API's.
export const loginSchema = z.object({
  email: z.string().trim().min(1, 'Enter your email').max(254).pipe(z.email('Enter a valid email')),
  password: z.string().min(1, 'Enter your password').max(128, 'At most 128 characters'),
})

export type LoginInput = z.infer<typeof loginSchema>

export const registerSchema = z.object({
  name: z.string().trim().min(1, 'Enter a name').max(100),
  email: z.string().trim().max(254).pipe(z.email('Enter a valid email')),
  password: z.string().min(8, 'At least 8 characters').max(128, 'At most 128 characters'),
})

export type RegisterInput = z.infer<typeof registerSchema>
