import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { BenchStore } from "./bench-env"

const ADDRESS = {
  first_name: "Bench",
  last_name: "Shopper",
  address_1: "1 Bench Street",
  city: "Istanbul",
  country_code: "tr",
  postal_code: "34000",
}
const CHUNK = 100

/**
 * Placed orders of `lines` one-eSIM lines each, with the eSIM shipping method, written
 * straight through the Order Module in chunks: no checkout and no order.placed, so nothing
 * buys them yet (what lost events leave behind, as in esim-catch-up.spec.ts). A fraction
 * of the cost of createOrderWorkflow, so the benchmark times the purchases, not the setup.
 */
export async function createPlacedOrders(
  container: MedusaContainer,
  store: BenchStore,
  count: number,
  lines: number
): Promise<string[]> {
  const [variant] = await container
    .resolve(Modules.PRODUCT)
    .listProductVariants({ id: store.variant_id }, { relations: ["product"] })
  const item = {
    title: variant.product?.title ?? variant.title,
    product_title: variant.product?.title,
    variant_title: variant.title,
    variant_id: variant.id,
    product_id: variant.product_id ?? undefined,
    quantity: 1,
    unit_price: store.unit_price,
    requires_shipping: true,
  }
  const order = (n: number) => ({
    region_id: store.region_id,
    sales_channel_id: store.sales_channel_id,
    email: `placed-${n}@bench.example`,
    currency_code: "usd",
    shipping_address: ADDRESS,
    billing_address: ADDRESS,
    items: Array.from({ length: lines }, () => item),
    shipping_methods: [{ name: "eSIM – instant delivery", amount: 0, shipping_option_id: store.shipping_option_id }],
  })
  const orderModule = container.resolve(Modules.ORDER)
  const ids: string[] = []
  for (let first = 0; first < count; first += CHUNK) {
    const drafts = Array.from({ length: Math.min(CHUNK, count - first) }, (_, i) => order(first + i))
    ids.push(...(await orderModule.createOrders(drafts)).map((created) => created.id))
  }
  return ids
}

/** Runs `work` for 0..count-1, at most `concurrency` at a time. */
export async function inParallel(
  count: number,
  concurrency: number,
  work: (i: number) => Promise<void>
): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < count) {
      await work(next++)
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker))
}

/** Runs the plugin's purchase-esims workflow (what order.placed runs) by id; false when it threw. */
export async function purchase(container: MedusaContainer, orderId: string): Promise<boolean> {
  const engine = container.resolve(Modules.WORKFLOW_ENGINE)
  const { errors } = await engine.run("purchase-esims", { input: { order_id: orderId }, throwOnError: false })
  return !errors?.length
}
