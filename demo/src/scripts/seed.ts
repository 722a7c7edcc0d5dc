// Seeds the demo store for selling eSIMs. Idempotent: everything is looked up by name
// (or handle) first, so a second run creates nothing. Run: npx medusa exec ./src/scripts/seed.ts
import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ensurePublishableKey } from "./seed/api-key"
import { loadCatalogue } from "./seed/catalogue"
import { writeDemoInfo } from "./seed/info"
import { ensureServiceZone, ensureStockLocation } from "./seed/location"
import { ensureProducts } from "./seed/products"
import { SeedReport } from "./seed/report"
import { ensureShippingOption, ensureShippingProfile } from "./seed/shipping"
import { ensureRegion, ensureSalesChannel, ensureStore, ensureTaxRegions } from "./seed/store"

export default async function seedEsimDemo({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const report = new SeedReport(logger)

  const salesChannel = await ensureSalesChannel(container, report)
  const region = await ensureRegion(container, report)
  await ensureStore(container, report, { salesChannelId: salesChannel.id, regionId: region.id })
  await ensureTaxRegions(container, report)
  const publishableKey = await ensurePublishableKey(container, report, salesChannel.id)

  const locationId = await ensureStockLocation(container, report, salesChannel.id)
  const serviceZoneId = await ensureServiceZone(container, report, locationId)
  const shippingProfileId = await ensureShippingProfile(container, report)
  const shippingOptionId = await ensureShippingOption(container, report, {
    serviceZoneId,
    shippingProfileId,
    regionId: region.id,
  })

  const productHandles = await ensureProducts(container, report, {
    loadPackages: () => loadCatalogue(container),
    shippingProfileId,
    salesChannelId: salesChannel.id,
  })

  writeDemoInfo({
    publishable_key: publishableKey,
    sales_channel_id: salesChannel.id,
    region_id: region.id,
    stock_location_id: locationId,
    shipping_option_id: shippingOptionId,
    product_handles: productHandles,
  })
  logger.info(report.summary())
}
