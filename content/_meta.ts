import type { MetaRecord } from 'nextra'

// The sidebar reads as a course, in this order.
export default {
  index: 'Overview',
  workflows: 'Workflows',
  'type-safety': 'Type safety from .NET to components',
  'server-client': 'Server or Client Component?',
  production: 'Production concerns',
  'api-contract': 'The .NET API contract',
  demo: { title: 'Live demos', type: 'page', href: '/demo/login' },
} satisfies MetaRecord
