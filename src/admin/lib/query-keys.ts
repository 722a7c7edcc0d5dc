import { EsimOrdersQuery, EsimflyHistoryQuery, PackagesQuery, ProfitQuery } from "./types"

const ROOT = "esimfly" as const

/** Every React Query key of the plugin's admin, so invalidation has one source of truth. */
export const esimQueryKeys = {
  all: [ROOT] as const,
  balance: () => [ROOT, "balance"] as const,
  rateLimit: () => [ROOT, "rate-limit"] as const,
  history: (query: EsimflyHistoryQuery) => [ROOT, "history", query] as const,
  orphans: () => [ROOT, "orphans"] as const,
  profit: (query: ProfitQuery) => [ROOT, "profit", query] as const,
  packages: (query: PackagesQuery) => [ROOT, "packages", query] as const,
  esimOrders: () => [ROOT, "esim-orders"] as const,
  esimOrderList: (query: EsimOrdersQuery) => [ROOT, "esim-orders", "list", query] as const,
  esimOrder: (id: string) => [ROOT, "esim-orders", "detail", id] as const,
  esimTopUps: (orderId: string) => [ROOT, "esim-top-ups", orderId] as const,
  productVariants: (productId: string) => [ROOT, "product-variants", productId] as const,
  catalogueSync: () => [ROOT, "catalogue-sync"] as const,
  pricingPreview: (limit: number) => [ROOT, "pricing-preview", limit] as const,
  webhooks: () => [ROOT, "webhooks"] as const,
  esimTimeline: (iccid: string) => [ROOT, "esims", iccid] as const,
}
