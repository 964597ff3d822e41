// The goals the Measured page holds the full run to. The page marks each one
// met or missed from bench/results.json (site/lib/measured/bench-goals.ts);
// nothing here makes a run fail. The run itself fails only on wrong data (see
// run-bench.ts) and, in the short mode, on the looser ratios of
// check-short-run.ts, which have to survive a noisy CI machine.

export const PROXY_GOALS = {
  /** Proxied p50 minus direct p50 with one connection: what one proxied request adds. */
  maxAddedP50Ms: 1,
  /** Proxied ÷ direct requests per second with ten connections. */
  minThroughputRatioAtTen: 0.45,
  /** This site's proxy ÷ the naive proxy (cookies() and fetch), requests per second, at 1 and at 10 connections. */
  minSiteOverNaiveThroughput: 1,
}

/** Wrong data is never acceptable: any run fails on it, and the page says "missed". */
export const LOAD_GOALS = {
  maxLostAcknowledgedWrites: 0,
  maxForeignGoalsSeen: 0,
}

/** Workflow E: the file goes straight to the API because the BFF would only slow it down. */
export const UPLOAD_GOALS = {
  /** Direct ÷ through-the-BFF MiB/s for one large file: the direct path is at least as fast. */
  minThroughputRatio: 1,
}
