import type { MetaRecord } from 'nextra'

export default {
  login: 'A. Login',
  'server-fetch': 'B. Server fetch and hydration',
  pagination: 'C. Pagination and filtering',
  mutations: 'D. Mutations',
  'large-files': 'E. Large files',
} satisfies MetaRecord
