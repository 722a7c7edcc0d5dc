import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { CheckoutCart, esimCheckoutCodes } from "../utils/esim-checkout-codes"
import { GuardedCart, guardEsimCheckout } from "../utils/esim-checkout-verdict"
import { recordEsimCheckout } from "../utils/record-esim-checkout"

// Runs before the order is created and before payment is authorised (completeCartWorkflow's
// validate hook, the only one it exposes): refuse what cannot be bought, then record what is
// bought. It reads the database only: no esimfly call on the checkout path.
completeCartWorkflow.hooks.validate(async ({ cart }, { container }) => {
  const codes = await esimCheckoutCodes(container, cart as CheckoutCart)
  if (!Object.keys(codes).length) {
    return
  }
  const guard = await guardEsimCheckout(container, cart as GuardedCart, codes)
  await recordEsimCheckout(container, cart.id, codes, guard)
})
