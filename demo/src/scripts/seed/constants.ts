/** Names the seed looks up before creating anything, so a second run finds and skips them. */
export const COUNTRIES = ["us", "gb", "de", "fr", "tr", "jp", "iq", "ae"]

export const SALES_CHANNEL_NAME = "Default Sales Channel"
export const REGION_NAME = "Worldwide"
export const API_KEY_TITLE = "eSIM demo storefront"
export const STOCK_LOCATION_NAME = "Digital delivery"
export const FULFILLMENT_SET_NAME = "Digital delivery"
export const SERVICE_ZONE_NAME = "Worldwide"
export const SHIPPING_PROFILE = { name: "eSIM", type: "esim" }
export const SHIPPING_OPTION_NAME = "eSIM – instant delivery"

/** The provider id is `<identifier>_<id>`: identifier "esimfly", registered with id "esimfly". */
export const ESIMFLY_PROVIDER_ID = "esimfly_esimfly"
export const ESIMFLY_OPTION_ID = "esimfly-digital-delivery"

/** A fulfillment provider and the fulfillment option its shipping option uses. */
export type FulfillmentProviderChoice = { id: string; optionId: string }

export const ESIMFLY_PROVIDER: FulfillmentProviderChoice = { id: ESIMFLY_PROVIDER_ID, optionId: ESIMFLY_OPTION_ID }

/** Medusa's manual provider (`manual_manual`): the benchmark's baseline app ships with it instead. */
export const MANUAL_PROVIDER: FulfillmentProviderChoice = { id: "manual_manual", optionId: "manual-fulfillment" }
