// Run with `medusa exec ./integration-tests/process/seed-store.ts <output.json>`: seeds the store the
// process tests buy from (fixtures/esim-store) and writes what they need to call it from outside.
import { writeFileSync } from "node:fs"
import { ExecArgs } from "@medusajs/framework/types"
import { CheckoutSeed, createAdminToken, createCustomer, seedEsimStore } from "../fixtures/esim-store"

/** What a process test reads back: ids for the checkout, and tokens for the admin and a customer. */
export type ProcessSeed = CheckoutSeed & {
  esimProducts: Record<string, { variant: { id: string } }>
  adminToken: string
  customer: { id: string; email: string; token: string }
}

export default async function seedProcessStore({ container, args }: ExecArgs): Promise<void> {
  const [output] = args
  if (!output) {
    throw new Error(
      "seed-store: pass the output file, e.g. medusa exec ./integration-tests/process/seed-store.ts .seed.json"
    )
  }
  const seed = await seedEsimStore(container, { packageCodes: ["TR1GB7D"] })
  const adminToken = await createAdminToken(container)
  const { customer, token } = await createCustomer(container, seed, { email: "traveller@process.test" })
  const result: ProcessSeed = {
    region: { id: seed.region.id },
    salesChannel: { id: seed.salesChannel.id },
    publishableKey: { token: seed.publishableKey.token },
    esimShippingOption: { id: seed.esimShippingOption.id },
    manualShippingOption: { id: seed.manualShippingOption.id },
    physicalVariant: { id: seed.physicalVariant.id },
    esimProducts: Object.fromEntries(
      Object.entries(seed.esimProducts).map(([code, p]) => [code, { variant: { id: p.variant.id } }])
    ),
    adminToken,
    customer: { id: customer.id, email: customer.email, token },
  }
  writeFileSync(output, JSON.stringify(result, null, 2), { mode: 0o600 })
}
