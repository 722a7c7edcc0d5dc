import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { ESIM_MODULE } from "../../modules/esim"
import { EmailLook } from "../../modules/esim/email"
import EsimModuleService from "../../modules/esim/service"
import { resolveLocale } from "../../modules/esim/words"

type OrderLocaleFields = {
  locale?: string | null
  metadata?: Record<string, unknown> | null
  customer?: { metadata?: Record<string, unknown> | null } | null
}

/** The order's own locale (Medusa copies the cart's), then the cart's metadata (copied onto the order), then the customer's. */
async function orderLocaleCandidates(container: MedusaContainer, orderId: string): Promise<unknown[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "locale", "metadata", "customer.metadata"],
    filters: { id: orderId },
  })
  const order: OrderLocaleFields | undefined = data[0]
  return [order?.locale, order?.metadata?.locale, order?.customer?.metadata?.locale]
}

async function storeName(container: MedusaContainer): Promise<string | null> {
  const [store] = await container.resolve(Modules.STORE).listStores({}, { select: ["name"], take: 1 })
  return store?.name ?? null
}

/**
 * How a shopper email of this order looks: its locale, the store's name and the `logoUrl`
 * option. A failed read falls back to the `locale` option and no name: the email still goes.
 */
export async function esimEmailLook(container: MedusaContainer, orderId: string): Promise<EmailLook> {
  const options = container.resolve<EsimModuleService>(ESIM_MODULE).getOptions()
  const [candidates, name] = await Promise.all([
    orderLocaleCandidates(container, orderId).catch(() => []),
    storeName(container).catch(() => null),
  ])
  return { locale: resolveLocale([...candidates, options.locale]), store_name: name, logo_url: options.logoUrl ?? null }
}
