import { MedusaContainer } from "@medusajs/framework/types"

/** What the seed needs to know about one esimfly package. */
export type CataloguePackage = {
  code: string
  dataGb: number | null
  validityDays: number
  cost: number
  currency: string
  unlimited: boolean
}

/** The part of the plugin's EsimflyClient the seed uses (the built plugin ships no .d.ts). */
type CatalogueClient = {
  iteratePackages(filters?: { limit?: number }): AsyncIterable<{
    packageCode: string
    dataAmountGb: number | null
    validityDays: number | null
    cost: number | null
    currency: string | null
    isUnlimited: boolean | null
  }>
}

/**
 * Reads the whole esimfly catalogue through the plugin's own client (signed requests,
 * retries), so the seed only ever sells package codes that really exist.
 */
export async function loadCatalogue(container: MedusaContainer): Promise<CataloguePackage[]> {
  const client = container.resolve<{ getClient(): CatalogueClient }>("esim").getClient()
  const found: CataloguePackage[] = []
  for await (const pkg of client.iteratePackages({ limit: 100 })) {
    if (pkg.validityDays !== null && pkg.cost !== null) {
      found.push({
        code: pkg.packageCode,
        dataGb: pkg.dataAmountGb,
        validityDays: pkg.validityDays,
        cost: pkg.cost,
        currency: pkg.currency ?? "USD",
        unlimited: pkg.isUnlimited === true,
      })
    }
  }
  return found
}
