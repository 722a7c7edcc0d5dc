/**
 * The href of an install link, only when it is an absolute https: URL. The server drops
 * other links already; the admin checks again because a `javascript:` href runs in the
 * admin's own session.
 */
export function httpsHref(url: string | null | undefined): string | null {
  if (!url || !/^https:\/\//i.test(url)) {
    return null
  }
  try {
    return new URL(url).protocol === "https:" ? url : null
  } catch {
    return null
  }
}
