// The sandbox shows the site's own lib/auth/login-schema.ts under this name, so the experiment cannot drift from it.
export * from '../../lib/auth/login-schema'
