import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { ESIM_MODULE } from "../../modules/esim"
import {
  guardEsimCart,
  GuardLine,
  GuardNote,
  GuardVerdict,
  isFresh,
  MirroredBalance,
  MirroredCost,
  shopperMessage,
} from "../../modules/esim/money"
import EsimModuleService from "../../modules/esim/service"
import { ESIMFLY_CHECKOUT_REFUSED_EVENT, notifyAdmins } from "./admin-alerts"

type CartItem = { variant_id?: string | null; quantity: number | string; unit_price: number | string }
export type GuardedCart = { id: string; currency_code: string; items?: (CartItem | null)[] | null }

/** The cart's eSIM lines, each with its mirrored cost while that is fresh enough to judge by. */
function guardLines(
  cart: GuardedCart,
  codes: Record<string, string>,
  costs: Map<string, MirroredCost>,
  maxAgeMs: number,
  now: Date
): GuardLine[] {
  return (cart.items ?? []).flatMap((item) => {
    const code = item?.variant_id ? codes[item.variant_id] : undefined
    if (!item || !code) {
      return []
    }
    const mirrored = costs.get(code)
    const fresh = mirrored && mirrored.cost !== null && isFresh(mirrored.read_at, maxAgeMs, now) ? mirrored : null
    return [
      {
        package_code: code,
        quantity: Number(item.quantity),
        unit_price: Number(item.unit_price),
        cost: fresh?.cost ?? null,
        cost_currency: fresh?.currency ?? null,
      },
    ]
  })
}

function guardNote(balance: MirroredBalance | null, balanceFresh: boolean, lines: GuardLine[]): GuardNote {
  return {
    balance: !balance ? "missing" : balanceFresh ? "checked" : "stale",
    balance_read_at: balance?.read_at.toISOString() ?? null,
    unpriced: [...new Set(lines.filter((line) => line.cost === null).map((line) => line.package_code))],
  }
}

/** Logs, once per incident and process, what the guard let through unchecked. */
function reportUnchecked(container: MedusaContainer, esim: EsimModuleService, cartId: string, note: GuardNote): void {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  if (note.balance === "checked") {
    esim.alerts.resolveIncidents("guard:balance")
  } else if (esim.alerts.openIncident(`guard:balance:${note.balance}`)) {
    logger.warn(
      `esimfly: checkout guard let cart ${cartId} through without a balance check: the balance mirror is ${note.balance} (read ${note.balance_read_at ?? "never"})`
    )
  }
  for (const code of note.unpriced.filter((c) => esim.alerts.openIncident(`guard:cost:${c}`))) {
    logger.warn(
      `esimfly: checkout guard has no fresh cost for ${code}: its lines are not guarded until the cost lookup mirrors it`
    )
  }
}

function adminText(verdict: Exclude<GuardVerdict, { ok: true }>): string {
  return verdict.reason === "balance"
    ? `a cart needing ${verdict.required} ${verdict.currency} of eSIMs was refused: the esimfly balance is ${verdict.balance} ${verdict.currency}`
    : `a cart was refused: ${verdict.package_code} would sell at a ${verdict.margin_percent} % margin, under the ${verdict.floor_percent} % floor`
}

async function refuse(
  container: MedusaContainer,
  esim: EsimModuleService,
  cartId: string,
  verdict: Exclude<GuardVerdict, { ok: true }>
): Promise<never> {
  if (esim.alerts.openIncident(`checkout:${verdict.reason}`)) {
    await container
      .resolve(Modules.EVENT_BUS)
      .emit({ name: ESIMFLY_CHECKOUT_REFUSED_EVENT, data: { cart_id: cartId, ...verdict } })
    await notifyAdmins(container, "eSIM checkout refused", adminText(verdict))
  }
  throw new MedusaError(MedusaError.Types.NOT_ALLOWED, shopperMessage())
}

/**
 * Refuses to complete a cart, before any payment is authorised, when its eSIMs cannot be
 * bought (balance) or would sell under the margin floor. It reads only the database
 * mirrors, never esimfly: a missing or stale mirror lets the cart through, and the note it
 * returns (recorded on the cart) says what was not checked.
 */
export async function guardEsimCheckout(
  container: MedusaContainer,
  cart: GuardedCart,
  codes: Record<string, string>
): Promise<GuardNote | null> {
  const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
  const options = esim.getOptions()
  if (!options.checkoutGuard) {
    return null
  }
  const now = new Date()
  const [balance, costs] = await Promise.all([esim.readEsimflyBalance(), esim.readPackageCosts(Object.values(codes))])
  const lines = guardLines(cart, codes, costs, options.guardCostMaxAgeMs, now)
  const balanceFresh = !!balance && isFresh(balance.read_at, options.guardBalanceMaxAgeMs, now)
  const verdict = guardEsimCart({
    lines,
    cart_currency: cart.currency_code,
    balance: balance && balanceFresh ? { amount: balance.amount, currency: balance.currency } : null,
    margin_floor_percent: options.pricing?.marginFloorPercent ?? null,
    exchange_rates: options.exchangeRates,
  })
  if (!verdict.ok) {
    return refuse(container, esim, cart.id, verdict)
  }
  esim.alerts.resolveIncidents("checkout:")
  const note = guardNote(balance, balanceFresh, lines)
  reportUnchecked(container, esim, cart.id, note)
  return note
}
