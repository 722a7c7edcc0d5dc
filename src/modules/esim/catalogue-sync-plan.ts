import { assignPlanLabels, comparePlans, Destination, destinationOf, handleOf } from "./catalogue-layout"
import { PlanBuilder, SyncPlan, SyncPlanInput } from "./catalogue-plan-builder"
import { isSyncedProduct, newProductInput, newVariantInput, productUpdateFor } from "./catalogue-product-plan"
import { inScope, scopeOfMetadata } from "./catalogue-scope"
import { CataloguePackage, ExistingProduct, ExistingVariant } from "./catalogue-types"
import { summariseUnpriced } from "./catalogue-unpriced"
import { deactivationFor, isActiveVariant, variantUpdateFor } from "./catalogue-variant-plan"

export type { PlanValues, SyncPlan, SyncPlanInput } from "./catalogue-plan-builder"

type Located = { product: ExistingProduct; variant: ExistingVariant }
type Group = { destination: Destination; packages: CataloguePackage[] }

function groupByHandle(packages: CataloguePackage[]): Map<string, Group> {
  const groups = new Map<string, Group>()
  for (const pkg of packages) {
    const destination = destinationOf(pkg)
    const handle = handleOf(destination)
    const group = groups.get(handle) ?? { destination, packages: [] }
    group.packages.push(pkg)
    groups.set(handle, group)
  }
  return groups
}

function indexVariants(products: ExistingProduct[]): Map<string, Located> {
  const index = new Map<string, Located>()
  for (const product of products) {
    for (const variant of product.variants) {
      const code = variant.metadata.esimfly_package_code
      if (typeof code === "string" && !index.has(code)) {
        index.set(code, { product, variant })
      }
    }
  }
  return index
}

function planKnown(builder: PlanBuilder, pkg: CataloguePackage, { product, variant }: Located): void {
  const pricing = builder.price(pkg, variant, product.handle)
  const update = variantUpdateFor(variant, pkg, pricing)
  if (!isActiveVariant(variant.metadata)) {
    builder.adjustActive(product.id, 1)
  }
  if (update) {
    builder.plan.variants_to_update.push(update)
    builder.plan.summary.variants_updated++
  }
}

function planNew(builder: PlanBuilder, handle: string, group: Group, product: ExistingProduct | undefined): void {
  const { plan, input } = builder
  const taken = product ? product.variants.map((variant) => variant.plan ?? "") : []
  const labels = assignPlanLabels(group.packages, taken)
  const offset = product?.variants.length ?? 0
  const variants = [...group.packages].sort(comparePlans).map((pkg, rank) => {
    const label = labels.get(pkg.package_code) ?? pkg.package_code
    return newVariantInput(pkg, label, builder.price(pkg, null, handle), offset + rank)
  })
  plan.summary.variants_created += variants.length
  if (!product) {
    plan.products_to_create.push(newProductInput(group.destination, variants, input.placement))
    plan.summary.products_created++
    return
  }
  builder.adjustActive(product.id, variants.length)
  plan.variants_to_create.push(...variants.map((variant) => ({ ...variant, product_id: product.id })))
  const missing = variants.map((variant) => variant.title).filter((value) => !product.plan_values.includes(value))
  if (missing.length && product.plan_option_id) {
    plan.plan_values_to_add.push({ product_id: product.id, option_id: product.plan_option_id, values: missing })
  }
}

function planGroups(builder: PlanBuilder, products: Map<string, ExistingProduct>, index: Map<string, Located>): void {
  for (const [handle, group] of groupByHandle(builder.input.packages)) {
    const fresh = group.packages.filter((pkg) => !index.has(pkg.package_code))
    group.packages.filter((pkg) => index.has(pkg.package_code)).forEach((pkg) => planKnown(builder, pkg, index.get(pkg.package_code) as Located))
    const product = products.get(handle)
    if (!fresh.length) {
      continue
    }
    if (product && !isSyncedProduct(product)) {
      builder.plan.summary.conflicts.push({ handle, reason: "a product the sync did not create has this handle" })
      continue
    }
    planNew(builder, handle, { ...group, packages: fresh }, product)
  }
}

function planDeactivations(builder: PlanBuilder, synced: ExistingProduct[]): void {
  const { input, plan } = builder
  if (!input.deactivation.allowed) {
    plan.summary.deactivation_aborted = true
    plan.summary.deactivation_aborted_reason = input.deactivation.reason
    return
  }
  const seen = new Set(input.packages.map((pkg) => pkg.package_code))
  const vanished = synced.flatMap((product) =>
    product.variants
      .filter((variant) => isActiveVariant(variant.metadata))
      .filter((variant) => {
        const scope = scopeOfMetadata(variant.metadata)
        return scope !== null && !seen.has(scope.package_code) && inScope(scope, input.filters)
      })
      .map((variant) => ({ product, variant }))
  )
  for (const { product, variant } of vanished) {
    plan.variants_to_update.push(deactivationFor(variant))
    plan.summary.variants_deactivated++
    builder.adjustActive(product.id, -1)
  }
}

/** Compares the catalogue read with the synced products and lists every write; pure, so it is unit-tested. */
export function planCatalogueSync(input: SyncPlanInput): SyncPlan {
  const builder = new PlanBuilder(input)
  const synced = input.existing.filter(isSyncedProduct)
  synced.forEach((product) => builder.active.set(product.id, product.variants.filter((v) => isActiveVariant(v.metadata)).length))
  planGroups(builder, new Map(input.existing.map((product) => [product.handle, product])), indexVariants(synced))
  planDeactivations(builder, synced)
  const { plan } = builder
  const touched = new Set(plan.plan_values_to_add.map((values) => values.product_id))
  for (const product of synced) {
    const update = productUpdateFor(product, builder.active.get(product.id) ?? 0)
    if (update) {
      plan.products_to_update.push(update)
      touched.add(product.id)
    }
  }
  plan.summary.products_updated = touched.size
  plan.summary.unpriced = summariseUnpriced(builder.unpriced)
  return plan
}
