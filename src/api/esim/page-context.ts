import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ESIM_MODULE } from "../../modules/esim"
import EsimModuleService from "../../modules/esim/service"
import { EsimPageConfig } from "./page-shell"
import { resolveLocale } from "../../modules/esim/words"

const SAFE_ID = /^[A-Za-z0-9_-]{1,100}$/

type PageOrder = {
  id: string
  sales_channel_id: string | null
  region_id: string | null
  currency_code: string | null
  locale: string | null
  metadata: Record<string, unknown> | null
}

type ChannelKey = { token: string; type: string; revoked_at: Date | string | null; created_at: Date | string }

async function findOrder(scope: MedusaContainer, orderId: string): Promise<PageOrder | undefined> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const fields = ["id", "sales_channel_id", "region_id", "currency_code", "locale", "metadata"]
  const { data } = await query.graph({ entity: "order", fields, filters: { id: orderId } })
  return data[0] as PageOrder | undefined
}

/** The oldest live publishable key of the order's sales channel: the one the page sends to the store routes. */
async function channelPublishableKey(scope: MedusaContainer, salesChannelId: string | null): Promise<string | null> {
  if (!salesChannelId) {
    return null
  }
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const fields = ["id", "publishable_api_keys.token", "publishable_api_keys.type", "publishable_api_keys.revoked_at"]
  const { data } = await query.graph({
    entity: "sales_channel",
    fields: [...fields, "publishable_api_keys.created_at"],
    filters: { id: salesChannelId },
  })
  const keys = ((data[0] as { publishable_api_keys?: ChannelKey[] } | undefined)?.publishable_api_keys ?? [])
    .filter((key) => key.type === "publishable" && !key.revoked_at)
    .sort((a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime())
  return keys[0]?.token ?? null
}

/** The store's name for the page's header; a failed read leaves it out rather than failing the page. */
async function storeName(scope: MedusaContainer): Promise<string | null> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "store", fields: ["id", "name"] }).catch(() => ({ data: [] }))
  const name = (data[0] as { name?: unknown } | undefined)?.name
  return typeof name === "string" && name.trim() ? name.trim() : null
}

/** What the hosted page embeds for this order; an unknown order gets the same shell, marked not found. */
export async function loadEsimPageConfig(
  scope: MedusaContainer,
  orderId: string,
  lang: string | undefined
): Promise<EsimPageConfig> {
  const options = scope.resolve<EsimModuleService>(ESIM_MODULE).getOptions()
  const order = SAFE_ID.test(orderId) ? await findOrder(scope, orderId) : undefined
  const [key, store_name] = order
    ? await Promise.all([channelPublishableKey(scope, order.sales_channel_id), storeName(scope)])
    : [null, null]
  const locale = resolveLocale([lang, order?.locale, order?.metadata?.locale, options.locale])
  return {
    order_id: SAFE_ID.test(orderId) ? orderId : "",
    found: Boolean(order && key),
    publishable_key: key,
    locale,
    currency_code: order?.currency_code ?? null,
    region_id: order?.region_id ?? null,
    sales_channel_id: order?.sales_channel_id ?? null,
    checkout_url: options.checkoutUrl ?? null,
    store_name,
  }
}
