/** Response shapes of the catalogue routes, as the server declares them (snake_case, as the routes send them). */
export type { CatalogueSyncResult, CatalogueSyncStatus } from "../../modules/esim/catalogue"
export type { PriceQuote } from "../../modules/esim/money"
export type { PricingPreview } from "../../workflows/sync-esim-catalogue"
