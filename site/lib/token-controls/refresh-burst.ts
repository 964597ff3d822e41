/**
 * As many requests as a busy page fires at once: a list, its next page, a few
 * mutations, a prefetch or two. Its own module, not the 'use client' controls',
 * so the docs can print the number: a Server Component importing from a client
 * module gets a reference, not the value.
 */
export const REFRESH_BURST = 20
