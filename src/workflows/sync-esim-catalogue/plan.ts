import { BelowFloorEntry, CatalogueSyncResult } from "../../modules/esim/catalogue"
import {
  assignPlanLabels,
  comparePlans,
  Destination,
  destinationOf,
  handleOf,
  isActiveVariant,
  isSyncedProduct,
  newProductInput,
  newVariantInput,
} from "./layout"
import { belowFloorEntries, isBelowFloor, priceVariant, summariseUnpriced } from "./prices"
import { inScope, scopeOfMetadata } from "./scope"
import {
  CataloguePackage,
  ExistingProduct,
  ExistingVariant,
  NewProduct,
  NewVariant,
  PlanValues,
  PricingContext,
  ProductUpdate,
  SyncPlan,
  SyncPlanInput,
  UnpricedEntry,
  VariantUpdate,
} from "./types"
import { deactivationFor, productUpdateFor, variantUpdateFor } from "./updates"

/** A change in the number of active variants of a synced product. */
type ActiveChange = { product_id: string; delta: number }

/** The writes and findings of one part of the catalogue (a destination, or the vanished packages); parts join in order. */
type PlanPart = {
  products_to_create: NewProduct[]
  plan_values_to_add: PlanValues[]
  variants_to_create: (NewVariant & { product_id: string })[]
  variants_updated: VariantUpdate[]
  variants_deactivated: VariantUpdate[]
  below_floor: BelowFloorEntry[]
  unpriced: UnpricedEntry[]
  conflicts: CatalogueSyncResult["conflicts"]
  active: ActiveChange[]
}

type Located = { product: ExistingProduct; variant: ExistingVariant }
type Group = { destination: Destination; packages: CataloguePackage[] }
type PlanContext = { input: SyncPlanInput; products: Map<string, ExistingProduct>; index: Map<string, Located> }

function part(patch: Partial<PlanPart>): PlanPart {
  return {
    products_to_create: [],
    plan_values_to_add: [],
    variants_to_create: [],
    variants_updated: [],
    variants_deactivated: [],
    below_floor: [],
    unpriced: [],
    conflicts: [],
    active: [],
    ...patch,
  }
}

function joinParts(parts: PlanPart[]): PlanPart {
  return {
    products_to_create: parts.flatMap((p) => p.products_to_create),
    plan_values_to_add: parts.flatMap((p) => p.plan_values_to_add),
    variants_to_create: parts.flatMap((p) => p.variants_to_create),
    variants_updated: parts.flatMap((p) => p.variants_updated),
    variants_deactivated: parts.flatMap((p) => p.variants_deactivated),
    below_floor: parts.flatMap((p) => p.below_floor),
    unpriced: parts.flatMap((p) => p.unpriced),
    conflicts: parts.flatMap((p) => p.conflicts),
    active: parts.flatMap((p) => p.active),
  }
}

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

/** A package the store already sells: its update, and a reactivation when it had vanished. */
function planKnown(pkg: CataloguePackage, { product, variant }: Located, ctx: PricingContext): PlanPart {
  const pricing = priceVariant(pkg, variant, ctx)
  const update = variantUpdateFor(variant, pkg, pricing)
  return part({
    variants_updated: update ? [update] : [],
    active: isActiveVariant(variant.metadata) ? [] : [{ product_id: product.id, delta: 1 }],
    below_floor: belowFloorEntries(pkg, variant, product.handle, pricing),
    unpriced: pricing.unpriced,
  })
}

/** New variants on a synced product, with the "Plan" values it lacks. */
function additionsTo(product: ExistingProduct, variants: NewVariant[]): PlanPart {
  const missing = variants.map((variant) => variant.title).filter((value) => !product.plan_values.includes(value))
  const values =
    missing.length && product.plan_option_id
      ? [{ product_id: product.id, option_id: product.plan_option_id, values: missing }]
      : []
  return part({
    variants_to_create: variants.map((variant) => ({ ...variant, product_id: product.id })),
    plan_values_to_add: values,
    active: [{ product_id: product.id, delta: variants.length }],
  })
}

/** Packages the store does not sell yet: a new product for the destination, or new variants on its product. */
function planNew(handle: string, group: Group, product: ExistingProduct | undefined, input: SyncPlanInput): PlanPart {
  const labels = assignPlanLabels(group.packages, product ? product.variants.map((variant) => variant.plan ?? "") : [])
  const offset = product?.variants.length ?? 0
  const priced = [...group.packages]
    .sort(comparePlans)
    .map((pkg) => ({ pkg, pricing: priceVariant(pkg, null, input.pricing) }))
  const variants = priced.map(({ pkg, pricing }, rank) => {
    const prices = (pricing.prices ?? []).map(({ currency_code, amount }) => ({ currency_code, amount }))
    return newVariantInput(
      pkg,
      labels.get(pkg.package_code) ?? pkg.package_code,
      prices,
      isBelowFloor(pricing),
      offset + rank
    )
  })
  const found = part({
    below_floor: priced.flatMap(({ pkg, pricing }) => belowFloorEntries(pkg, null, handle, pricing)),
    unpriced: priced.flatMap(({ pricing }) => pricing.unpriced),
  })
  const writes = product
    ? additionsTo(product, variants)
    : part({ products_to_create: [newProductInput(group.destination, variants, input.placement)] })
  return joinParts([found, writes])
}

/** One destination: updates of the packages it sells, then the packages it lacks (unless its handle is taken). */
function planGroup(handle: string, group: Group, ctx: PlanContext): PlanPart {
  const known = group.packages.flatMap((pkg) => {
    const located = ctx.index.get(pkg.package_code)
    return located ? [planKnown(pkg, located, ctx.input.pricing)] : []
  })
  const fresh = group.packages.filter((pkg) => !ctx.index.has(pkg.package_code))
  const product = ctx.products.get(handle)
  if (!fresh.length) {
    return joinParts(known)
  }
  if (product && !isSyncedProduct(product)) {
    return joinParts([
      ...known,
      part({ conflicts: [{ handle, reason: "a product the sync did not create has this handle" }] }),
    ])
  }
  return joinParts([...known, planNew(handle, { ...group, packages: fresh }, product, ctx.input)])
}

/** Active variants in scope whose package this run did not read; none when deactivation is not allowed. */
function planDeactivations(input: SyncPlanInput, synced: ExistingProduct[]): PlanPart {
  if (!input.deactivation.allowed) {
    return part({})
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
  return part({
    variants_deactivated: vanished.map(({ variant }) => deactivationFor(variant)),
    active: vanished.map(({ product }) => ({ product_id: product.id, delta: -1 })),
  })
}

/** Title and status updates of the synced products, given how many active variants each has once the plan is applied. */
function productUpdates(synced: ExistingProduct[], changes: ActiveChange[]): ProductUpdate[] {
  const delta = new Map<string, number>()
  changes.forEach(({ product_id, delta: change }) => delta.set(product_id, (delta.get(product_id) ?? 0) + change))
  return synced.flatMap((product) => {
    const active =
      product.variants.filter((variant) => isActiveVariant(variant.metadata)).length + (delta.get(product.id) ?? 0)
    const update = productUpdateFor(product, active)
    return update ? [update] : []
  })
}

function summaryOf(input: SyncPlanInput, writes: PlanPart, productsToUpdate: ProductUpdate[]): SyncPlan["summary"] {
  const touched = new Set([
    ...writes.plan_values_to_add.map((values) => values.product_id),
    ...productsToUpdate.map((update) => update.id),
  ])
  const newProductVariants = writes.products_to_create.reduce((sum, product) => sum + product.variants.length, 0)
  return {
    products_created: writes.products_to_create.length,
    products_updated: touched.size,
    variants_created: newProductVariants + writes.variants_to_create.length,
    variants_updated: writes.variants_updated.length,
    variants_deactivated: writes.variants_deactivated.length,
    below_floor: writes.below_floor,
    deactivation_aborted: !input.deactivation.allowed,
    deactivation_aborted_reason: input.deactivation.allowed ? null : input.deactivation.reason,
    unpriced: summariseUnpriced(writes.unpriced),
    conflicts: writes.conflicts,
  }
}

/** Compares the catalogue read with the synced products and returns every write; pure, so it is unit-tested. */
export function planCatalogueSync(input: SyncPlanInput): SyncPlan {
  const synced = input.existing.filter(isSyncedProduct)
  const ctx: PlanContext = {
    input,
    products: new Map(input.existing.map((product) => [product.handle, product])),
    index: indexVariants(synced),
  }
  const groups = [...groupByHandle(input.packages)].map(([handle, group]) => planGroup(handle, group, ctx))
  const writes = joinParts([...groups, planDeactivations(input, synced)])
  const productsToUpdate = productUpdates(synced, writes.active)
  return {
    products_to_create: writes.products_to_create,
    plan_values_to_add: writes.plan_values_to_add,
    variants_to_create: writes.variants_to_create,
    variants_to_update: [...writes.variants_updated, ...writes.variants_deactivated],
    products_to_update: productsToUpdate,
    summary: summaryOf(input, writes, productsToUpdate),
  }
}
