/**
 * An install link as esimfly sent it, only when it is an absolute https: URL; anything
 * else (javascript:, data:, http:, relative) is dropped so it can never be rendered.
 */
export function httpsOnly(url: string | null | undefined): string | null {
  if (!url) {
    return null
  }
  try {
    return new URL(url).protocol === "https:" && /^https:\/\//i.test(url) ? url : null
  } catch {
    return null
  }
}
