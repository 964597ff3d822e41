import type { MetaRecord } from 'nextra'

export default {
  login: 'A. Login',
} satisfies MetaRecord
