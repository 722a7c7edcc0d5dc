import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { ESIM_MODULE } from "../../modules/esim"
import { GuardLine, GuardVerdict, guardEsimCart, shopperMessage } from "../../modules/esim/checkout-guard"
import { packageCodeOf } from "../../modules/esim/purchase-plan"
import EsimModuleService from "../../modules/esim/service"
import { ESIMFLY_CHECKOUT_REFUSED_EVENT, notifyAdmins, watchBalance } from "./admin-alerts"

type CartItem = { variant_id?: string | null; quantity: number | string; unit_price: number | string }
export type GuardedCart = { id: string; currency_code: string; items?: (CartItem | null)[] | null }

async function esimLines(container: MedusaContainer, esim: EsimModuleService, cart: GuardedCart): Promise<GuardLine[]> {
  const items = (cart.items ?? []).filter((item): item is CartItem => !!item?.variant_id)
  if (!items.length) {
    return []
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product_variant", fields: ["id", "metadata"], filters: { id: items.map((i) => i.variant_id as string) } })
  const variants = new Map(data.map((v) => [v.id, v as { id: string; metadata: Record<string, unknown> | null }]))
  const lines = items.flatMap((item) => {
    const code = packageCodeOf({ id: "", quantity: item.quantity, variant: variants.get(item.variant_id as string) })
    return code ? [{ code, item }] : []
  })
  return Promise.all(lines.map(async ({ code, item }) => ({
    package_code: code,
    quantity: Number(item.quantity),
    unit_price: Number(item.unit_price),
    // A cost esimfly cannot tell now leaves the line unguarded rather than failing the checkout.
    cost: (await esim.getPackageCost(code).catch(() => null))?.cost ?? null,
  })))
}

function adminText(verdict: Exclude<GuardVerdict, { ok: true }>): string {
  return verdict.reason === "balance"
    ? `a cart needing ${verdict.required} ${verdict.currency} of eSIMs was refused: the esimfly balance is ${verdict.balance} ${verdict.currency}`
    : `a cart was refused: ${verdict.package_code} would sell at a ${verdict.margin_percent} % margin, under the ${verdict.floor_percent} % floor`
}

/**
 * Refuses to complete a cart, before any payment is authorised, when its eSIMs cannot be
 * bought (balance) or would sell under the margin floor. The cart stays as it is.
 */
export async function guardEsimCheckout(container: MedusaContainer, cart: GuardedCart): Promise<void> {
  const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
  if (!esim.getOptions().checkoutGuard) {
    return
  }
  const lines = await esimLines(container, esim, cart)
  if (!lines.length) {
    return
  }
  const options = esim.getOptions() as ReturnType<EsimModuleService["getOptions"]> & { pricing?: { marginFloorPercent?: number } }
  const judge = (balance: { balance: number; currency: string }) => guardEsimCart({
    lines,
    cart_currency: cart.currency_code,
    balance: balance.balance,
    balance_currency: balance.currency,
    margin_floor_percent: options.pricing?.marginFloorPercent ?? null,
    exchange_rates: options.exchangeRates,
  })
  // Never a fresh read: a visitor retrying a refused cart would spend the account's rate limit.
  // A refusal costs at most one esimfly call per balanceCacheTtlMs; the admin's refresh reads a top-up at once.
  const balance = await esim.getBalance().catch((error: Error) => {
    // An esimfly outage never fails a checkout: the purchase holds visibly if esimfly then refuses it.
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`esimfly: checkout guard skipped for cart ${cart.id}: the balance could not be read (${error.message})`)
    return null
  })
  if (!balance) {
    return
  }
  const verdict = judge(balance)
  await watchBalance(container, balance.balance, balance.currency)
  if (verdict.ok) {
    esim.alerts.resolveIncidents("checkout:")
    return
  }
  if (esim.alerts.openIncident(`checkout:${verdict.reason}`)) {
    await container.resolve(Modules.EVENT_BUS).emit({ name: ESIMFLY_CHECKOUT_REFUSED_EVENT, data: { cart_id: cart.id, ...verdict } })
    await notifyAdmins(container, "eSIM checkout refused", adminText(verdict))
  }
  throw new MedusaError(MedusaError.Types.NOT_ALLOWED, shopperMessage())
}
