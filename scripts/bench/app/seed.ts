// The benchmark's store, the same in both apps: the demo's region, channel, key, location
// and eSIM shipping option (served by esimfly, or by the manual provider in the app
// without the plugin) and one eSIM product. Run: medusa exec <this file> (from demo/).
import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import { createProductsWorkflow } from "@medusajs/medusa/core-flows"
import { ensurePublishableKey } from "../../../demo/src/scripts/seed/api-key"
import { ESIMFLY_PROVIDER, MANUAL_PROVIDER } from "../../../demo/src/scripts/seed/constants"
import { ensureServiceZone, ensureStockLocation } from "../../../demo/src/scripts/seed/location"
import { SeedReport } from "../../../demo/src/scripts/seed/report"
import { ensureShippingOption, ensureShippingProfile } from "../../../demo/src/scripts/seed/shipping"
import { ensureRegion, ensureSalesChannel, ensureStore, ensureTaxRegions } from "../../../demo/src/scripts/seed/store"
import { BENCH_PACKAGE, BenchStore, writeResult } from "./bench-env"

async function ensureBenchProduct(
  container: ExecArgs["container"],
  ids: { shippingProfileId: string; salesChannelId: string }
) {
  const [existing] = await container
    .resolve(Modules.PRODUCT)
    .listProducts({ handle: BENCH_PACKAGE.handle }, { relations: ["variants"] })
  if (existing) {
    return existing.variants[0].id
  }
  const { result } = await createProductsWorkflow(container).run({
    input: {
      products: [
        {
          title: BENCH_PACKAGE.title,
          handle: BENCH_PACKAGE.handle,
          status: ProductStatus.PUBLISHED,
          shipping_profile_id: ids.shippingProfileId,
          sales_channels: [{ id: ids.salesChannelId }],
          options: [{ title: "Plan", values: [BENCH_PACKAGE.code] }],
          variants: [
            {
              title: BENCH_PACKAGE.code,
              sku: `BENCH-${BENCH_PACKAGE.code}`,
              manage_inventory: false,
              options: { Plan: BENCH_PACKAGE.code },
              prices: [{ currency_code: "usd", amount: BENCH_PACKAGE.price }],
              metadata: { esimfly_package_code: BENCH_PACKAGE.code },
            },
          ],
        },
      ],
    },
  })
  return result[0].variants[0].id
}

type EsimMirrors = { refreshEsimflyBalance(source: "refresh"): Promise<unknown> }

/** With the plugin, the mirrors its jobs keep in a running store: the package's cost and the balance. */
async function fillMirrors(container: ExecArgs["container"]) {
  if (!container.hasRegistration("esim")) {
    return
  }
  const engine = container.resolve(Modules.WORKFLOW_ENGINE)
  await engine.run("look-up-esim-package-costs", { input: { package_codes: [BENCH_PACKAGE.code] } })
  await container.resolve<EsimMirrors>("esim").refreshEsimflyBalance("refresh")
}

export default async function seedBenchStore({ container }: ExecArgs) {
  const report = new SeedReport(container.resolve(ContainerRegistrationKeys.LOGGER))
  const provider = process.env.DEMO_WITHOUT_PLUGIN === "true" ? MANUAL_PROVIDER : ESIMFLY_PROVIDER
  const salesChannel = await ensureSalesChannel(container, report)
  const region = await ensureRegion(container, report)
  await ensureStore(container, report, { salesChannelId: salesChannel.id, regionId: region.id })
  await ensureTaxRegions(container, report)
  const publishableKey = await ensurePublishableKey(container, report, salesChannel.id)
  const locationId = await ensureStockLocation(container, report, salesChannel.id, provider.id)
  const serviceZoneId = await ensureServiceZone(container, report, locationId)
  const shippingProfileId = await ensureShippingProfile(container, report)
  const shippingOptionId = await ensureShippingOption(
    container,
    report,
    { serviceZoneId, shippingProfileId, regionId: region.id },
    provider
  )
  const variantId = await ensureBenchProduct(container, { shippingProfileId, salesChannelId: salesChannel.id })
  await fillMirrors(container)
  const store: BenchStore = {
    publishable_key: publishableKey,
    unit_price: BENCH_PACKAGE.price,
    region_id: region.id,
    sales_channel_id: salesChannel.id,
    shipping_option_id: shippingOptionId,
    variant_id: variantId,
    provider_id: provider.id,
  }
  writeResult(store)
}
