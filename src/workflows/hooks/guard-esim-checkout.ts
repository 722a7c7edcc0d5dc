import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { GuardedCart, guardEsimCheckout } from "../utils/guard-esim-checkout"
import { recordEsimCheckoutCodes } from "../utils/record-esim-checkout"

// Runs before the order is created and before payment is authorised (completeCartWorkflow's
// validate hook, the only one it exposes): refuse what cannot be bought, then record what is bought.
completeCartWorkflow.hooks.validate(async ({ cart }, { container }) => {
  await guardEsimCheckout(container, cart as GuardedCart)
  await recordEsimCheckoutCodes(container, cart as GuardedCart)
})
