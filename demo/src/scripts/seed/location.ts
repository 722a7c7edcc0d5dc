import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createLocationFulfillmentSetWorkflow,
  createServiceZonesWorkflow,
  createStockLocationsWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
} from "@medusajs/medusa/core-flows"
import { COUNTRIES, ESIMFLY_PROVIDER, FULFILLMENT_SET_NAME, SERVICE_ZONE_NAME, STOCK_LOCATION_NAME } from "./constants"
import { SeedReport } from "./report"

type Named = { id: string; name?: string }
type LocationState = {
  sales_channels: Named[]
  fulfillment_providers: Named[]
  fulfillment_sets: (Named & { service_zones: Named[] })[]
}

async function loadLocation(container: MedusaContainer, id: string): Promise<LocationState> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "stock_location",
    fields: [
      "sales_channels.id",
      "fulfillment_providers.id",
      "fulfillment_sets.id",
      "fulfillment_sets.name",
      "fulfillment_sets.service_zones.id",
      "fulfillment_sets.service_zones.name",
    ],
    filters: { id },
  })
  const location = data[0] as Partial<LocationState> | undefined
  return {
    sales_channels: (location?.sales_channels ?? []).filter(Boolean),
    fulfillment_providers: (location?.fulfillment_providers ?? []).filter(Boolean),
    fulfillment_sets: (location?.fulfillment_sets ?? []).filter(Boolean),
  }
}

async function findOrCreateLocation(container: MedusaContainer, report: SeedReport) {
  const service = container.resolve(Modules.STOCK_LOCATION)
  const [existing] = await service.listStockLocations({ name: STOCK_LOCATION_NAME })
  if (existing) {
    report.found(`stock location "${STOCK_LOCATION_NAME}"`)
    return existing.id
  }
  const { result } = await createStockLocationsWorkflow(container).run({
    input: {
      locations: [{ name: STOCK_LOCATION_NAME, address: { address_1: "Online", country_code: "us" } }],
    },
  })
  report.made(`stock location "${STOCK_LOCATION_NAME}"`)
  return result[0].id
}

/**
 * The location eSIMs "ship" from: sold through the sales channel, fulfilled by esimfly
 * (the benchmark's baseline app, which has no plugin, passes the manual provider).
 */
export async function ensureStockLocation(
  container: MedusaContainer,
  report: SeedReport,
  salesChannelId: string,
  providerId: string = ESIMFLY_PROVIDER.id
): Promise<string> {
  const id = await findOrCreateLocation(container, report)
  const state = await loadLocation(container, id)
  if (state.sales_channels.some((channel) => channel.id === salesChannelId)) {
    report.found("stock location ↔ sales channel link")
  } else {
    await linkSalesChannelsToStockLocationWorkflow(container).run({
      input: { id, add: [salesChannelId] },
    })
    report.made("stock location ↔ sales channel link")
  }
  if (state.fulfillment_providers.some((provider) => provider.id === providerId)) {
    report.found(`stock location ↔ ${providerId} link`)
  } else {
    await container.resolve(ContainerRegistrationKeys.LINK).create({
      [Modules.STOCK_LOCATION]: { stock_location_id: id },
      [Modules.FULFILLMENT]: { fulfillment_provider_id: providerId },
    })
    report.made(`stock location ↔ ${providerId} link`)
  }
  return id
}

/** A shipping fulfillment set on the location with one service zone over COUNTRIES. */
export async function ensureServiceZone(
  container: MedusaContainer,
  report: SeedReport,
  locationId: string
): Promise<string> {
  const findSet = async () =>
    (await loadLocation(container, locationId)).fulfillment_sets.find((set) => set.name === FULFILLMENT_SET_NAME)
  let set = await findSet()
  if (set) {
    report.found(`fulfillment set "${FULFILLMENT_SET_NAME}"`)
  } else {
    await createLocationFulfillmentSetWorkflow(container).run({
      input: {
        location_id: locationId,
        fulfillment_set_data: { name: FULFILLMENT_SET_NAME, type: "shipping" },
      },
    })
    report.made(`fulfillment set "${FULFILLMENT_SET_NAME}"`)
    set = await findSet()
  }
  if (!set) {
    throw new Error(`seed: fulfillment set "${FULFILLMENT_SET_NAME}" is not on the location`)
  }
  const zone = (set.service_zones ?? []).find((candidate) => candidate?.name === SERVICE_ZONE_NAME)
  if (zone) {
    report.found(`service zone "${SERVICE_ZONE_NAME}"`)
    return zone.id
  }
  const { result } = await createServiceZonesWorkflow(container).run({
    input: {
      data: [
        {
          name: SERVICE_ZONE_NAME,
          fulfillment_set_id: set.id,
          geo_zones: COUNTRIES.map((country_code) => ({ type: "country" as const, country_code })),
        },
      ],
    },
  })
  report.made(`service zone "${SERVICE_ZONE_NAME}"`)
  return result[0].id
}
