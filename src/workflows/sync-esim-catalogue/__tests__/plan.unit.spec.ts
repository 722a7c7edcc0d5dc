import { ProductStatus } from "@medusajs/framework/utils"
import { planCatalogueSync } from "../plan"
import { CataloguePackage, ExistingProduct, ExistingVariant, NewProduct, SyncPlanInput } from "../types"
import { DEFAULT_PRICING_RULES as RULES } from "../../../modules/esim/__tests__/support/pricing-rules"

const pkg = (package_code: string, patch: Partial<CataloguePackage> = {}): CataloguePackage => ({
  package_code,
  name: package_code,
  type: "local",
  region: "Turkey",
  location_name: "Turkey",
  countries: ["TR"],
  data_amount_gb: 1,
  is_unlimited: false,
  validity_days: 7,
  cost: 2.72,
  currency: "USD",
  ...patch,
})

const CATALOGUE = [
  pkg("TR-1GB-7D"),
  pkg("TR-3GB-15D", { data_amount_gb: 3, validity_days: 15, cost: 6.53 }),
  pkg("TR1GB7D"),
  pkg("EU-5GB-30D", {
    type: "regional",
    region: "Europe",
    location_name: "Austria",
    countries: ["AT", "TR"],
    data_amount_gb: 5,
    validity_days: 30,
    cost: 9.87,
  }),
  pkg("GLOBAL-1GB-7D", {
    type: "global",
    region: "Global",
    location_name: "Albania",
    countries: ["AL", "TR"],
    cost: 6.99,
  }),
]

const input = (patch: Partial<SyncPlanInput> = {}): SyncPlanInput => ({
  packages: CATALOGUE,
  existing: [],
  pricing: { rules: RULES, rates: [] },
  placement: { shipping_profile_id: "sp_esim", sales_channel_id: "sc_default" },
  filters: {},
  deactivation: { allowed: true, reason: null },
  ...patch,
})

/** What the store holds after the plan's products were created (ids made up). */
function stored(products: NewProduct[]): ExistingProduct[] {
  return products.map((product, p) => ({
    id: `prod_${p}`,
    handle: product.handle,
    title: product.title,
    status: product.status,
    metadata: product.metadata,
    plan_option_id: `opt_${p}`,
    plan_values: product.options[0].values,
    variants: product.variants.map((variant, v): ExistingVariant => ({
      id: `variant_${p}_${v}`,
      title: variant.title,
      plan: variant.options.Plan,
      metadata: variant.metadata,
      prices: variant.prices.map((price, i) => ({ id: `price_${p}_${v}_${i}`, ...price, rules_count: 0 })),
    })),
  }))
}

const variantOf = (products: ExistingProduct[], code: string) =>
  products
    .flatMap((product) => product.variants)
    .find((variant) => variant.metadata.esimfly_package_code === code) as ExistingVariant

function withVariant(
  products: ExistingProduct[],
  code: string,
  patch: (variant: ExistingVariant) => ExistingVariant
): ExistingProduct[] {
  return products.map((product) => ({
    ...product,
    variants: product.variants.map((variant) =>
      variant.metadata.esimfly_package_code === code ? patch(variant) : variant
    ),
  }))
}

describe("planCatalogueSync", () => {
  const first = planCatalogueSync(input())
  const existing = stored(first.products_to_create)

  it("creates one product per destination with a variant per plan, priced by the rules", () => {
    expect(first.products_to_create.map((product) => [product.handle, product.title])).toEqual([
      ["esim-turkey", "Turkey eSIM"],
      ["esim-europe", "Europe eSIM"],
      ["esim-global", "Global eSIM"],
    ])
    const turkey = first.products_to_create[0]
    expect(turkey).toMatchObject({
      status: ProductStatus.PUBLISHED,
      shipping_profile_id: "sp_esim",
      sales_channels: [{ id: "sc_default" }],
    })
    // Two packages share "1 GB · 7 days": the one first by code keeps the plain label.
    expect(turkey.options).toEqual([
      { title: "Plan", values: ["1 GB · 7 days", "1 GB · 7 days · TR1GB7D", "3 GB · 15 days"] },
    ])
    expect(turkey.variants[0]).toEqual({
      title: "1 GB · 7 days",
      options: { Plan: "1 GB · 7 days" },
      manage_inventory: false,
      variant_rank: 0,
      // 2.72 × 1.3 = 3.536 → 3.99
      prices: [{ currency_code: "usd", amount: 3.99 }],
      metadata: expect.objectContaining({
        esimfly_package_code: "TR-1GB-7D",
        esimfly_cost: 2.72,
        esimfly_cost_currency: "usd",
        esimfly_active: true,
        esimfly_below_floor: false,
      }),
    })
    expect(first.summary).toMatchObject({
      products_created: 3,
      variants_created: 5,
      variants_updated: 0,
      below_floor: [],
    })
  })

  it("writes nothing when the catalogue did not change", () => {
    const again = planCatalogueSync(input({ existing }))
    expect(again).toMatchObject({
      products_to_create: [],
      plan_values_to_add: [],
      variants_to_create: [],
      variants_to_update: [],
      products_to_update: [],
    })
    expect(again.summary).toMatchObject({
      products_created: 0,
      products_updated: 0,
      variants_created: 0,
      variants_updated: 0,
      variants_deactivated: 0,
    })
  })

  it("updates the price and cost of a package whose cost moved, keeping the price's id", () => {
    const packages = CATALOGUE.map((p) => (p.package_code === "TR-1GB-7D" ? { ...p, cost: 3.1 } : p))
    const plan = planCatalogueSync(input({ packages, existing }))
    // 3.10 × 1.3 = 4.03 → 4.99
    expect(plan.variants_to_update).toEqual([
      {
        id: "variant_0_0",
        metadata: expect.objectContaining({ esimfly_cost: 3.1 }),
        prices: [{ id: "price_0_0_0", currency_code: "usd", amount: 4.99 }],
      },
    ])
    expect(plan.summary.variants_updated).toBe(1)
  })

  it("keeps a hand-set price and flags it when the moved cost pushes its margin under the floor", () => {
    const overridden = withVariant(existing, "TR-1GB-7D", (v) => ({
      ...v,
      metadata: { ...v.metadata, esimfly_price_override: true },
    }))
    const packages = CATALOGUE.map((p) => (p.package_code === "TR-1GB-7D" ? { ...p, cost: 3.7 } : p))
    const plan = planCatalogueSync(input({ packages, existing: overridden }))
    const [update] = plan.variants_to_update
    expect(update.prices).toBeUndefined()
    expect(update.metadata).toMatchObject({
      esimfly_cost: 3.7,
      esimfly_below_floor: true,
      esimfly_price_override: true,
    })
    // (3.99 − 3.70) / 3.99 = 7.27 % < 10 %
    expect(plan.summary.below_floor).toEqual([
      {
        package_code: "TR-1GB-7D",
        variant_id: "variant_0_0",
        product_handle: "esim-turkey",
        currency_code: "usd",
        amount: 3.99,
        cost: 3.7,
        margin_percent: 7.27,
        price_override: true,
      },
    ])
  })

  it("puts the plan back as title unless the title is marked as set by hand", () => {
    const renamed = withVariant(existing, "TR-3GB-15D", (v) => ({ ...v, title: "Three gigs" }))
    expect(planCatalogueSync(input({ existing: renamed })).variants_to_update).toEqual([
      { id: "variant_0_2", title: "3 GB · 15 days" },
    ])
    const kept = withVariant(renamed, "TR-3GB-15D", (v) => ({
      ...v,
      metadata: { ...v.metadata, esimfly_title_override: "true" },
    }))
    expect(planCatalogueSync(input({ existing: kept })).variants_to_update).toEqual([])
  })

  it("deactivates a vanished package without deleting it, and drafts a product left with none", () => {
    const packages = CATALOGUE.filter((p) => p.package_code !== "GLOBAL-1GB-7D")
    const plan = planCatalogueSync(input({ packages, existing }))
    expect(plan.variants_to_update).toEqual([
      {
        id: "variant_2_0",
        prices: [],
        metadata: expect.objectContaining({
          esimfly_active: false,
          esimfly_inactive_prices: [{ currency_code: "usd", amount: 9.99 }],
        }),
      },
    ])
    expect(plan.products_to_update).toEqual([
      {
        id: "prod_2",
        status: ProductStatus.DRAFT,
        metadata: expect.objectContaining({ esimfly_drafted_by_sync: true }),
      },
    ])
    expect(plan.summary).toMatchObject({
      variants_deactivated: 1,
      variants_updated: 0,
      products_updated: 1,
      deactivation_aborted: false,
    })
  })

  it("deactivates nothing when a page failed, but still applies what it read", () => {
    const packages = CATALOGUE.filter((p) => p.package_code !== "GLOBAL-1GB-7D").map((p) =>
      p.package_code === "TR-1GB-7D" ? { ...p, cost: 3.1 } : p
    )
    const plan = planCatalogueSync(
      input({ packages, existing, deactivation: { allowed: false, reason: "page(s) 2 could not be read" } })
    )
    expect(plan.variants_to_update).toHaveLength(1)
    expect(plan.products_to_update).toEqual([])
    expect(plan.summary).toMatchObject({
      variants_deactivated: 0,
      deactivation_aborted: true,
      deactivation_aborted_reason: "page(s) 2 could not be read",
    })
  })

  it("leaves vanished packages outside the run's filters alone", () => {
    const packages = CATALOGUE.filter((p) => p.type === "local")
    const plan = planCatalogueSync(input({ packages, existing, filters: { types: ["local"] } }))
    expect(plan.summary.variants_deactivated).toBe(0)
  })

  it("reactivates a package that came back, restoring a hand-set price, and publishes the product it drafted", () => {
    const gone = planCatalogueSync(
      input({ packages: CATALOGUE.filter((p) => p.package_code !== "GLOBAL-1GB-7D"), existing })
    )
    const deactivated = withVariant(existing, "GLOBAL-1GB-7D", (v) => ({
      ...v,
      ...gone.variants_to_update[0],
      prices: [],
      metadata: { ...gone.variants_to_update[0].metadata, esimfly_price_override: true },
    }))
    const drafted = deactivated.map((p) =>
      p.id === "prod_2" ? { ...p, status: "draft", metadata: { ...p.metadata, esimfly_drafted_by_sync: true } } : p
    )
    const plan = planCatalogueSync(input({ existing: drafted }))
    expect(plan.variants_to_update).toEqual([
      {
        id: "variant_2_0",
        prices: [{ currency_code: "usd", amount: 9.99 }],
        metadata: expect.objectContaining({ esimfly_active: true, esimfly_inactive_prices: "" }),
      },
    ])
    expect(plan.products_to_update).toEqual([
      {
        id: "prod_2",
        status: ProductStatus.PUBLISHED,
        metadata: expect.objectContaining({ esimfly_drafted_by_sync: false }),
      },
    ])
  })

  it("adds the prices of a currency added to the rules, next to the existing ones", () => {
    const pricing = {
      rules: { ...RULES, currencies: ["usd", "eur", "gbp"] },
      rates: [
        { from: "usd", to: "eur", rate: 0.9 },
        { from: "usd", to: "gbp", rate: 0.8 },
      ],
    }
    const plan = planCatalogueSync(input({ existing, pricing }))
    // EUR 2.72 × 0.9 × 1.3 = 3.18 → 3.99; GBP 2.72 × 0.8 × 1.3 = 2.83 → 2.99
    expect(plan.variants_to_update[0]).toEqual({
      id: "variant_0_0",
      prices: [
        { id: "price_0_0_0", currency_code: "usd", amount: 3.99 },
        { currency_code: "eur", amount: 3.99 },
        { currency_code: "gbp", amount: 2.99 },
      ],
    })
  })

  it("adds new plans to an existing product with their option values", () => {
    const packages = [...CATALOGUE, pkg("TR-UNL-7D", { is_unlimited: true, data_amount_gb: 0, cost: 18.5 })]
    const plan = planCatalogueSync(input({ packages, existing }))
    expect(plan.plan_values_to_add).toEqual([
      { product_id: "prod_0", option_id: "opt_0", values: ["Unlimited · 7 days"] },
    ])
    expect(plan.variants_to_create).toEqual([
      expect.objectContaining({ product_id: "prod_0", title: "Unlimited · 7 days", variant_rank: 3 }),
    ])
    expect(plan.summary).toMatchObject({ variants_created: 1, products_updated: 1 })
  })

  it("never takes the handle of a product it did not create", () => {
    const handmade: ExistingProduct = { ...existing[1], id: "prod_mine", metadata: {}, variants: [] }
    const plan = planCatalogueSync(input({ existing: [existing[0], handmade, existing[2]] }))
    expect(plan.products_to_create).toEqual([])
    expect(plan.summary.conflicts).toEqual([
      { handle: "esim-europe", reason: "a product the sync did not create has this handle" },
    ])
  })

  it("leaves its input as it was: the store, the packages and the rules", () => {
    const packages = [
      ...CATALOGUE.filter((p) => p.package_code !== "GLOBAL-1GB-7D"),
      pkg("TR-UNL-7D", { is_unlimited: true, cost: 18.5 }),
    ]
    const store = withVariant(existing, "TR-1GB-7D", (v) => ({
      ...v,
      metadata: {
        ...v.metadata,
        esimfly_active: false,
        esimfly_inactive_prices: [{ currency_code: "usd", amount: 3.99 }],
      },
    }))
    const given = input({ packages, existing: store })
    const before = structuredClone(given)
    const plan = planCatalogueSync(given)
    expect(plan.summary).toMatchObject({ variants_created: 1, variants_updated: 1, variants_deactivated: 1 })
    expect(given).toEqual(before)
  })

  it("reports currencies it cannot price in, once per currency and reason", () => {
    const plan = planCatalogueSync(input({ pricing: { rules: { ...RULES, currencies: ["usd", "eur"] }, rates: [] } }))
    expect(plan.summary.unpriced).toEqual([
      {
        currency_code: "eur",
        problem: 'no exchange rate from usd to eur (option "exchangeRates")',
        packages: 5,
        package_codes: expect.arrayContaining(["TR-1GB-7D"]),
      },
    ])
    expect(plan.products_to_create[0].variants[0].prices).toEqual([{ currency_code: "usd", amount: 3.99 }])
  })
})
