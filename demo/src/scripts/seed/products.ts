import { MedusaContainer } from "@medusajs/framework/types"
import { Modules, ProductStatus } from "@medusajs/framework/utils"
import { createProductsWorkflow } from "@medusajs/medusa/core-flows"
import { CataloguePackage } from "./catalogue"
import { SeedReport } from "./report"

type ProductPlan = { title: string; handle: string; codePrefix: string; description: string }

/** One product per destination; its variants are the sandbox packages whose code has the prefix. */
export const PRODUCT_PLANS: ProductPlan[] = [
  {
    title: "Turkey eSIM",
    handle: "turkey-esim",
    codePrefix: "TR-",
    description: "Mobile data in Turkey. Installs by QR code, delivered by email within seconds.",
  },
  {
    title: "Europe eSIM",
    handle: "europe-esim",
    codePrefix: "EU-",
    description: "One eSIM for data across the EU. Delivered by email within seconds.",
  },
  {
    title: "Global eSIM",
    handle: "global-esim",
    codePrefix: "GLOBAL-",
    description: "Data in most countries on one eSIM. Delivered by email within seconds.",
  },
  {
    title: "United States eSIM",
    handle: "united-states-esim",
    codePrefix: "US-",
    description: "Mobile data in the United States. Delivered by email within seconds.",
  },
  {
    title: "Japan eSIM",
    handle: "japan-esim",
    codePrefix: "JP-",
    description: "Mobile data in Japan. Delivered by email within seconds.",
  },
]

const MAX_VARIANTS = 6
const MARKUP = 1.35

/** Cost plus the demo markup, rounded up to the next ".99" (prices are in major units). */
export function retailPrice(cost: number): number {
  return Number((Math.ceil(cost * MARKUP) - 0.01).toFixed(2))
}

function dataSortKey(pkg: CataloguePackage): number {
  return pkg.unlimited || pkg.dataGb === null ? Number.MAX_SAFE_INTEGER : pkg.dataGb
}

function planLabel(pkg: CataloguePackage): string {
  const data = pkg.unlimited || pkg.dataGb === null ? "Unlimited" : `${pkg.dataGb} GB`
  return `${data} · ${pkg.validityDays} days`
}

/** `<prefix><data>-<days>D` such as TR-1GB-7D or JP-UNL-7D; special codes (*-SLOW) stay out. */
function isPlainCode(code: string, codePrefix: string): boolean {
  return code.startsWith(codePrefix) && /^(\d+GB|UNL)-\d+D$/.test(code.slice(codePrefix.length))
}

/** The product's plans: plain USD packages with the prefix, smallest first, one per label. */
export function pickPackages(packages: CataloguePackage[], codePrefix: string) {
  const byLabel = new Map<string, CataloguePackage>()
  packages
    .filter((pkg) => isPlainCode(pkg.code, codePrefix) && pkg.currency.toUpperCase() === "USD")
    .sort((a, b) => dataSortKey(a) - dataSortKey(b) || a.validityDays - b.validityDays)
    .forEach((pkg) => {
      const current = byLabel.get(planLabel(pkg))
      if (!current || pkg.cost < current.cost) {
        byLabel.set(planLabel(pkg), pkg)
      }
    })
  return [...byLabel.entries()].slice(0, MAX_VARIANTS)
}

function toProductInput(
  plan: ProductPlan,
  picked: [string, CataloguePackage][],
  ids: { shippingProfileId: string; salesChannelId: string }
) {
  return {
    title: plan.title,
    handle: plan.handle,
    description: plan.description,
    status: ProductStatus.PUBLISHED,
    shipping_profile_id: ids.shippingProfileId,
    sales_channels: [{ id: ids.salesChannelId }],
    options: [{ title: "Plan", values: picked.map(([label]) => label) }],
    variants: picked.map(([label, pkg], rank) => ({
      title: label,
      variant_rank: rank,
      sku: `ESIM-${pkg.code}`,
      options: { Plan: label },
      manage_inventory: false,
      prices: [{ currency_code: "usd", amount: retailPrice(pkg.cost) }],
      metadata: { esimfly_package_code: pkg.code },
    })),
  }
}

/** Creates the eSIM products that are missing; existing handles are left untouched. */
export async function ensureProducts(
  container: MedusaContainer,
  report: SeedReport,
  input: {
    loadPackages: () => Promise<CataloguePackage[]>
    shippingProfileId: string
    salesChannelId: string
  }
): Promise<string[]> {
  const service = container.resolve(Modules.PRODUCT)
  const handles = PRODUCT_PLANS.map((plan) => plan.handle)
  const existing = await service.listProducts({ handle: handles })
  const have = new Set(existing.map((product) => product.handle))
  PRODUCT_PLANS.filter((plan) => have.has(plan.handle)).forEach((plan) => report.found(`product "${plan.title}"`))
  const missing = PRODUCT_PLANS.filter((plan) => !have.has(plan.handle))
  const packages = missing.length ? await input.loadPackages() : []
  if (missing.length) {
    report.note(`the esimfly catalogue lists ${packages.length} packages`)
  }
  const toCreate = []
  for (const plan of missing) {
    const picked = pickPackages(packages, plan.codePrefix)
    if (!picked.length) {
      report.warn(`product "${plan.title}": no ${plan.codePrefix}* package in the catalogue`)
      continue
    }
    toCreate.push(toProductInput(plan, picked, input))
  }
  if (toCreate.length) {
    const { result } = await createProductsWorkflow(container).run({
      input: { products: toCreate },
    })
    result.forEach((product) => report.made(`product "${product.title}" (${product.variants?.length ?? 0} variants)`))
  }
  return [...have, ...toCreate.map((product) => product.handle)]
}
