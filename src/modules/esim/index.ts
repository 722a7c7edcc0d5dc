/**
 * The eSIM module: what the plugin stores and the one esimfly client of the process.
 *
 * Words, used the same way in code, routes, tests and docs:
 * - eSIM order: one row of `esim_order` — one esimfly create-order for one batch (at most
 *   10 eSIMs) of one order line. Written before the call, so a crash leaves a visible state.
 *   Routes: `/admin/esim-orders`.
 * - eSIM (profile): one row of `esim_profile`, the installable eSIM esimfly delivered.
 * - buy: the create-order act (`buyEsimOrder`). "Purchase" names the whole capability:
 *   plan, buy, settle unknown outcomes, adopt, poll pending details.
 * - canceled: Medusa's spelling, wherever the plugin names things. esimfly's "cancelled"
 *   appears only in its wire types (`src/lib/esimfly`).
 * - catalogue: the esimfly packages the store sells (`src/workflows/sync-esim-catalogue`).
 * - mirror: a database copy of something esimfly owns (the balance, package costs), so
 *   that no shopper request calls esimfly.
 *
 * Capabilities, each behind its `index.ts`: `purchase/`, `delivery/` (the eSIM views, QR
 * codes, install links, email, guest tokens), `cancel/`, `money/` (pricing, profit, the
 * checkout guard, the mirrors).
 */
import { Module } from "@medusajs/framework/utils"
import validateOptionsLoader from "./loaders/validate-options"
import EsimModuleService from "./service"

export const ESIM_MODULE = "esim"

export default Module(ESIM_MODULE, {
  service: EsimModuleService,
  loaders: [validateOptionsLoader],
})

export { EsimModuleService }
