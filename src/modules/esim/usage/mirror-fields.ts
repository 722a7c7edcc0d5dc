/**
 * The profile columns that mirror an eSIM's life at esimfly: its status, dates and data
 * figures. Usage readings and webhooks write them; the store and admin views read them.
 */
export const ESIM_LIFE_FIELDS = [
  "lifecycle_status",
  "installed_at",
  "expires_at",
  "total_mb",
  "used_mb",
  "remaining_mb",
  "is_unlimited",
  "usage_read_at",
] as const

export type EsimLifeField = (typeof ESIM_LIFE_FIELDS)[number]
