import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { GuardedCart, guardEsimCheckout } from "../utils/guard-esim-checkout"

// Runs before the order is created and before payment is authorised (completeCartWorkflow's validate hook).
completeCartWorkflow.hooks.validate(async ({ cart }, { container }) => {
  await guardEsimCheckout(container, cart as GuardedCart)
})
