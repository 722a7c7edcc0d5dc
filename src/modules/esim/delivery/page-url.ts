import { isWebhookUrl } from "../../../lib/esimfly"

/** Where the plugin's server serves the hosted eSIM page. */
export const ESIM_PAGE_PATH = "/esim/orders"

/**
 * The store's public backend URL, as "Connect webhooks" resolves it (docs/webhooks.md): option
 * `webhookUrl` (a trailing /hooks/esimfly dropped), else the admin's `backendUrl` when absolute.
 * Null when neither is usable.
 */
export function esimPublicBaseUrl(webhookUrl: string | undefined, backendUrl: string | undefined): string | null {
  const base = webhookUrl ?? (backendUrl && isWebhookUrl(backendUrl) ? backendUrl : undefined)
  if (!base) {
    return null
  }
  const url = new URL(base)
  url.search = ""
  url.hash = ""
  url.pathname = url.pathname.replace(/\/+$/, "").replace(/\/hooks\/esimfly$/, "")
  return url.toString().replace(/\/+$/, "")
}

/**
 * The hosted eSIM page of an order: `<base>/esim/orders/<order_id>#token=<token>`. The token
 * rides in the fragment, which browsers never send, so no server log or Referer holds it.
 */
export function esimPageUrl(base: string, orderId: string, token: string): string {
  const root = base.replace(/\/+$/, "")
  return `${root}${ESIM_PAGE_PATH}/${encodeURIComponent(orderId)}#token=${encodeURIComponent(token)}`
}
