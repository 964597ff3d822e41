import type { MetaRecord } from 'nextra'

// The sidebar reads as a course, in this order.
export default {
  index: 'Overview',
  workflows: 'Workflows',
  'token-refresh': 'Token refresh',
  'refresh-token-rotation': 'Refresh token rotation',
  'type-safety': 'Type safety from .NET to components',
  'route-protection': 'Route protection in three layers',
  'server-client': 'Server or Client Component?',
  'wire-inspector': 'The wire inspector',
  production: 'Production concerns',
  'multi-instance': 'Running more than one instance',
  adopt: 'Adopt it in your project',
  'threat-model': 'Threat model',
  'attack-lab': 'The attack lab',
  decisions: 'Decisions',
  'api-contract': 'The .NET API contract',
  'dotnet-api': 'The .NET API in C#',
  measured: 'Measured',
  glossary: 'Glossary',
  about: 'About this site',
  demo: { title: 'Live demos', type: 'page', href: '/demo/login' },
} satisfies MetaRecord
