/**
 * Milliseconds since the epoch. Every time-dependent part of the mock (token
 * lifetimes, refresh-token families, rate-limit windows, seeded dates) reads
 * the time through one of these, so tests can move time instead of waiting.
 */
export type Clock = () => number

export const systemClock: Clock = () => Date.now()
