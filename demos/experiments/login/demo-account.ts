// The sandbox shows the site's own lib/auth/demo-account.ts under this name.
export * from '../../lib/auth/demo-account'
