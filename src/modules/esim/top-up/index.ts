/**
 * Top-ups bought through the store: esimfly's options for an eSIM priced with the plugin's
 * rules and cached per ICCID, the sealed cart line, and the one `POST /topup/order` per line
 * (written before the call, settled from total_mb when its answer is lost).
 */
export { buyTopUp, settleTopUp } from "./buy"
export type { BuyableTopUp, UnsettledTopUp } from "./buy"
export { claimTopUp } from "./claim"
export type { TopUpClaim } from "./claim"
export { toppedUpNotification, TOPPED_UP_TEMPLATE } from "./email"
export type { ToppedUpEmailInput } from "./email"
export { planTopUps, sealTopUpLine, TOP_UP_METADATA_KEY } from "./line"
export type { TopUpDraft, TopUpLineMetadata, TopUpOrder } from "./line"
export {
  cachedTopUpListing,
  memoryTopUpListingCache,
  readTopUpListing,
  TOP_UP_LISTING_TTL_S,
  topUpListingKey,
} from "./listing"
export type { TopUpListing, TopUpListingCache } from "./listing"
export { dataMbOf, MB_PER_GB, toTopUpOffers, toTopUpPackage } from "./offers"
export type { TopUpOffer, TopUpPackage } from "./offers"
export {
  mayRetryTopUp,
  settleFromTotal,
  TOP_UP_NOT_APPLIED,
  TOP_UP_NOT_APPLIED_AFTER_MS,
  topUpBought,
  topUpCallFailed,
} from "./outcomes"
export type { TopUpFields } from "./outcomes"
export { toStoreTopUp, topUpsByIccid } from "./views"
export type { StoreTopUp } from "./views"
