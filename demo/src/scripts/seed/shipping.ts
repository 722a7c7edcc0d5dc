import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createShippingOptionsWorkflow, createShippingProfilesWorkflow } from "@medusajs/medusa/core-flows"
import { ESIMFLY_PROVIDER, FulfillmentProviderChoice, SHIPPING_OPTION_NAME, SHIPPING_PROFILE } from "./constants"
import { SeedReport } from "./report"

export async function ensureShippingProfile(container: MedusaContainer, report: SeedReport): Promise<string> {
  const service = container.resolve(Modules.FULFILLMENT)
  const [existing] = await service.listShippingProfiles({ type: SHIPPING_PROFILE.type })
  if (existing) {
    report.found(`shipping profile "${existing.name}"`)
    return existing.id
  }
  const { result } = await createShippingProfilesWorkflow(container).run({
    input: { data: [SHIPPING_PROFILE] },
  })
  report.made(`shipping profile "${SHIPPING_PROFILE.name}" (type ${SHIPPING_PROFILE.type})`)
  return result[0].id
}

/**
 * The free, instant option the storefront offers for eSIM carts, served by esimfly (the
 * benchmark's baseline app, which has no plugin, passes the manual provider).
 */
export async function ensureShippingOption(
  container: MedusaContainer,
  report: SeedReport,
  ids: { serviceZoneId: string; shippingProfileId: string; regionId: string },
  provider: FulfillmentProviderChoice = ESIMFLY_PROVIDER
): Promise<string> {
  const service = container.resolve(Modules.FULFILLMENT)
  const [existing] = await service.listShippingOptions({
    name: SHIPPING_OPTION_NAME,
    service_zone: { id: ids.serviceZoneId },
  })
  if (existing) {
    report.found(`shipping option "${SHIPPING_OPTION_NAME}"`)
    return existing.id
  }
  const { result } = await createShippingOptionsWorkflow(container).run({
    input: [
      {
        name: SHIPPING_OPTION_NAME,
        price_type: "flat",
        provider_id: provider.id,
        service_zone_id: ids.serviceZoneId,
        shipping_profile_id: ids.shippingProfileId,
        data: { id: provider.optionId },
        type: { label: "eSIM", description: "Delivered by email within seconds", code: "esim" },
        prices: [
          { currency_code: "usd", amount: 0 },
          { currency_code: "eur", amount: 0 },
          { region_id: ids.regionId, amount: 0 },
        ],
        rules: [
          { attribute: "enabled_in_store", value: "true", operator: "eq" },
          { attribute: "is_return", value: "false", operator: "eq" },
        ],
      },
    ],
  })
  report.made(`shipping option "${SHIPPING_OPTION_NAME}" (${provider.id}, free)`)
  return result[0].id
}
