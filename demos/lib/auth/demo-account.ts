// The one shared account the mock API seeds (see mocks/README.md). Public on purpose.
export const DEMO_ACCOUNT = { email: 'demo@example.com', password: 'demo-password' }
