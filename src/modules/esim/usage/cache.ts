/** esimfly: cache the usage query 5–15 min per ICCID (docs: lifecycle.md, "Usage and status"). */
export const USAGE_CACHE_MIN_MS = 5 * 60 * 1000

/** True while the mirror's last reading is inside the cache window: the usage query is not asked again. */
export function usageIsFresh(readAt: Date | string | null, now: Date, windowMs: number): boolean {
  if (!readAt) {
    return false
  }
  return now.getTime() - new Date(readAt).getTime() < Math.max(windowMs, USAGE_CACHE_MIN_MS)
}
