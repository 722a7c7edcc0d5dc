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

const LOOPBACK_HOSTS = ["localhost", "127.0.0.1"]

/**
 * Where esimfly may send webhooks: an absolute https URL (docs: webhooks.md, "HTTPS only"), or
 * an http URL on localhost or 127.0.0.1, which only the sandbox accepts (its `allowHttpWebhooks`).
 */
export function isWebhookUrl(value: string): boolean {
  try {
    const url = new URL(value)
    if (!/^https?:\/\//i.test(value) || url.username || url.password) {
      return false
    }
    return url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK_HOSTS.includes(url.hostname))
  } catch {
    return false
  }
}
