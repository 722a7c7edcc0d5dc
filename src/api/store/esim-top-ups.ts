import { addToCartWorkflow } from "@medusajs/medusa/core-flows"
import { ICacheService, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { ESIM_MODULE } from "../../modules/esim"
import EsimModuleService from "../../modules/esim/service"
import {
  cachedTopUpListing,
  memoryTopUpListingCache,
  sealTopUpLine,
  TOP_UP_METADATA_KEY,
  TopUpLineMetadata,
  TopUpListing,
  TopUpListingCache,
  TopUpOffer,
  toTopUpOffers,
} from "../../modules/esim/top-up"
import { findOwnedEsim, OwnedEsimRequest } from "./owned-esim"

export type StoreEsimTopUpsResponse = {
  iccid: string
  currency_code: string
  /** False when esimfly says the eSIM cannot be topped up; null when esimfly could not be asked just now. */
  toppable: boolean | null
  reason: string | null
  top_ups: TopUpOffer[]
}

type StoreCart = { id: string; currency_code: string; completed_at?: Date | string | null }

/** Medusa's cache module when the app registers one (shared by its processes), else the plugin's in-process map. */
function listingCache(scope: MedusaContainer): TopUpListingCache {
  if (!scope.hasRegistration(Modules.CACHE)) {
    return memoryTopUpListingCache
  }
  const cache = scope.resolve<ICacheService>(Modules.CACHE)
  return {
    get: (key) => cache.get<TopUpListing>(key),
    set: (key, value, ttlS) => cache.set(key, value, ttlS),
  }
}

export async function findCart(scope: MedusaContainer, cartId: string): Promise<StoreCart> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "currency_code", "completed_at"],
    filters: { id: cartId },
  })
  const cart: StoreCart | undefined = data[0]
  if (!cart) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart id not found: ${cartId}`)
  }
  return cart
}

/** The eSIM's top-ups priced in `currency` (the caller must own the eSIM); an esimfly failure is an empty list with a reason. */
export async function listEsimTopUps(
  scope: MedusaContainer,
  owner: OwnedEsimRequest,
  currency: string
): Promise<StoreEsimTopUpsResponse> {
  const profile = await findOwnedEsim(scope, owner)
  const esim = scope.resolve<EsimModuleService>(ESIM_MODULE)
  const listing = await cachedTopUpListing(listingCache(scope), esim.getClient(), profile.iccid)
  const { pricing, exchangeRates } = esim.getOptions()
  const top_ups = toTopUpOffers(listing.packages, currency, pricing, exchangeRates)
  const reason = listing.reason ?? (top_ups.length ? null : "No top-up can be priced in this currency.")
  return { iccid: profile.iccid, currency_code: currency.toLowerCase(), toppable: listing.toppable, reason, top_ups }
}

/**
 * Adds a top-up line at the server's price, in the cart's currency: no shipping, carrying
 * the ICCID and package under a seal the purchase checks. The package must be on offer for
 * the caller's own eSIM.
 */
export async function addEsimTopUpToCart(
  scope: MedusaContainer,
  input: { cart_id: string; owner: OwnedEsimRequest; package_code: string }
): Promise<void> {
  const cart = await findCart(scope, input.cart_id)
  if (cart.completed_at) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Cart ${cart.id} is already completed`)
  }
  const { top_ups } = await listEsimTopUps(scope, input.owner, cart.currency_code)
  const offer = top_ups.find((candidate) => candidate.package_code === input.package_code)
  if (!offer) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Field 'package_code': ${input.package_code} is not a top-up offered for this eSIM`
    )
  }
  const secret = scope.resolve<EsimModuleService>(ESIM_MODULE).getOptions().secretKey
  const sealed = { ...offer, iccid: input.owner.iccid, unit_price: offer.price, currency_code: cart.currency_code }
  const metadata: TopUpLineMetadata = {
    iccid: input.owner.iccid,
    package_code: offer.package_code,
    seal: sealTopUpLine(secret, sealed),
    package_name: offer.package_name,
    data_mb: offer.data_mb,
  }
  const title = `Top-up: ${offer.package_name ?? offer.package_code}`
  const item = { title, quantity: 1, unit_price: offer.price, requires_shipping: false, is_discountable: false }
  await addToCartWorkflow(scope).run({
    input: { cart_id: cart.id, items: [{ ...item, metadata: { [TOP_UP_METADATA_KEY]: metadata } }] },
  })
}

/** The stored top-ups of these eSIMs, oldest first, for the store view; no esimfly call. */
export async function readStoreTopUps(scope: MedusaContainer, iccids: string[]) {
  if (!iccids.length) {
    return []
  }
  const esim = scope.resolve<EsimModuleService>(ESIM_MODULE)
  return esim.listEsimTopUps({ iccid: iccids }, { take: null, order: { created_at: "ASC", id: "ASC" } })
}
