import type { MetaRecord } from 'nextra'

// The demo pages' titles in the docs' navigation, each its page's own <title>
// (tests/unit/docs/demo-page-titles.test.ts). Nextra's page map sees a stand-in
// for each page (next.config.mjs), so it cannot read them from the pages.
export default {
  account: 'Demo: your account',
  goals: 'Demo: goals',
  login: 'Demo: sign in',
  session: 'Demo: your session',
} satisfies MetaRecord
