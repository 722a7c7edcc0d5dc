import { PLAN_OPTION } from "./layout"
import { ExistingPrice, ExistingProduct, ExistingVariant } from "./types"

/** The product fields the sync reads (query.graph), for products whose handle starts with `esim-`. */
export const CATALOGUE_PRODUCT_FIELDS = [
  "id",
  "handle",
  "title",
  "status",
  "metadata",
  "options.id",
  "options.title",
  "options.values.value",
  "variants.id",
  "variants.title",
  "variants.metadata",
  "variants.options.value",
  "variants.options.option_id",
  "variants.prices.id",
  "variants.prices.amount",
  "variants.prices.currency_code",
  "variants.prices.rules_count",
  "variants.prices.price_list_id",
]

type RawPrice = {
  id: string
  amount: number | string
  currency_code: string
  rules_count?: number | null
  price_list_id?: string | null
}
type RawVariant = {
  id: string
  title: string | null
  metadata: Record<string, unknown> | null
  options?: { value: string; option_id?: string | null }[] | null
  prices?: RawPrice[] | null
}

/** A product as query.graph returns it with CATALOGUE_PRODUCT_FIELDS. */
export type RawCatalogueProduct = {
  id: string
  handle: string
  title: string
  status: string
  metadata: Record<string, unknown> | null
  options?: { id: string; title: string; values?: { value: string }[] | null }[] | null
  variants?: RawVariant[] | null
}

function toPrices(prices: RawPrice[] | null | undefined): ExistingPrice[] {
  // Price-list prices belong to the price list, not to the variant's own price set.
  return (prices ?? [])
    .filter((price) => !price.price_list_id)
    .map((price) => ({
      id: price.id,
      currency_code: price.currency_code,
      amount: Number(price.amount),
      rules_count: price.rules_count ?? 0,
    }))
}

function toVariant(variant: RawVariant, planOptionId: string | null): ExistingVariant {
  const plan = variant.options?.find((value) => value.option_id === planOptionId)?.value ?? null
  return {
    id: variant.id,
    title: variant.title ?? "",
    plan,
    metadata: variant.metadata ?? {},
    prices: toPrices(variant.prices),
  }
}

/** Maps a Medusa product to what the sync plan compares. */
export function toExistingProduct(product: RawCatalogueProduct): ExistingProduct {
  const option = product.options?.find((candidate) => candidate.title === PLAN_OPTION) ?? null
  return {
    id: product.id,
    handle: product.handle,
    title: product.title,
    status: product.status,
    metadata: product.metadata ?? {},
    plan_option_id: option?.id ?? null,
    plan_values: (option?.values ?? []).map((value) => value.value),
    variants: (product.variants ?? []).map((variant) => toVariant(variant, option?.id ?? null)),
  }
}
