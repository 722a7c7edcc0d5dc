import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import {
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createTaxRegionsWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import { COUNTRIES, REGION_NAME, SALES_CHANNEL_NAME } from "./constants"
import { SeedReport } from "./report"

const CURRENCIES = [
  { currency_code: "usd", is_default: true },
  { currency_code: "eur", is_default: false },
]

export async function ensureSalesChannel(container: MedusaContainer, report: SeedReport) {
  const service = container.resolve(Modules.SALES_CHANNEL)
  const [existing] = await service.listSalesChannels({ name: SALES_CHANNEL_NAME })
  if (existing) {
    report.found(`sales channel "${SALES_CHANNEL_NAME}"`)
    return existing
  }
  const { result } = await createSalesChannelsWorkflow(container).run({
    input: { salesChannelsData: [{ name: SALES_CHANNEL_NAME }] },
  })
  report.made(`sales channel "${SALES_CHANNEL_NAME}"`)
  return result[0]
}

export async function ensureRegion(container: MedusaContainer, report: SeedReport) {
  const service = container.resolve(Modules.REGION)
  const [existing] = await service.listRegions({ name: REGION_NAME })
  if (existing) {
    report.found(`region "${REGION_NAME}"`)
    return existing
  }
  const { result } = await createRegionsWorkflow(container).run({
    input: {
      regions: [
        {
          name: REGION_NAME,
          currency_code: "usd",
          countries: COUNTRIES,
          payment_providers: ["pp_system_default"],
        },
      ],
    },
  })
  report.made(`region "${REGION_NAME}" (${COUNTRIES.join(", ")})`)
  return result[0]
}

export async function ensureTaxRegions(container: MedusaContainer, report: SeedReport) {
  const service = container.resolve(Modules.TAX)
  const existing = await service.listTaxRegions({ country_code: COUNTRIES })
  const have = new Set(existing.map((taxRegion) => taxRegion.country_code))
  const missing = COUNTRIES.filter((country) => !have.has(country))
  if (!missing.length) {
    report.found("tax regions")
    return
  }
  await createTaxRegionsWorkflow(container).run({
    input: missing.map((country_code) => ({ country_code, provider_id: "tp_system" })),
  })
  report.made(`tax regions (${missing.join(", ")})`)
}

/** USD default plus EUR, and the demo's sales channel and region as the store defaults. */
export async function ensureStore(
  container: MedusaContainer,
  report: SeedReport,
  defaults: { salesChannelId: string; regionId: string }
) {
  const service = container.resolve(Modules.STORE)
  const [store] = await service.listStores({}, { relations: ["supported_currencies"] })
  const currencies = store.supported_currencies ?? []
  const hasCurrencies = CURRENCIES.every((wanted) =>
    currencies.some((have) => have.currency_code === wanted.currency_code && have.is_default === wanted.is_default)
  )
  const upToDate =
    hasCurrencies &&
    store.default_sales_channel_id === defaults.salesChannelId &&
    store.default_region_id === defaults.regionId
  if (upToDate) {
    report.found("store settings (USD default, EUR)")
    return
  }
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        supported_currencies: CURRENCIES,
        default_sales_channel_id: defaults.salesChannelId,
        default_region_id: defaults.regionId,
      },
    },
  })
  report.made("store settings (USD default, EUR)")
}
