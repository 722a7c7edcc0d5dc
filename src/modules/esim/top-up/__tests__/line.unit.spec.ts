import { planTopUps, sealTopUpLine, TopUpOrder } from ".."

const SECRET = "sk_test_secret"
const line = { iccid: "8988000000000000001", package_code: "TR-3GB-15D", unit_price: 5.99, currency_code: "usd" }

function order(metadata: Record<string, unknown>, item: Record<string, unknown> = {}): TopUpOrder {
  return {
    id: "order_1",
    email: "owner@esim.test",
    customer_id: "cus_1",
    currency_code: "usd",
    items: [
      { id: "ordli_esim", quantity: 1, unit_price: 10, variant_id: "variant_1", metadata: null },
      { id: "ordli_1", quantity: 1, unit_price: 5.99, variant_id: null, metadata: { esim_top_up: metadata }, ...item },
    ],
  }
}

const sealed = { iccid: line.iccid, package_code: line.package_code, seal: sealTopUpLine(SECRET, line) }

describe("planTopUps", () => {
  it("records a pending top-up for a sealed line, with what the shopper paid, and leaves other lines alone", () => {
    expect(planTopUps(order({ ...sealed, package_name: "Turkey 3GB", data_mb: 3072 }), SECRET)).toEqual([
      {
        order_id: "order_1",
        line_item_id: "ordli_1",
        customer_id: "cus_1",
        email: "owner@esim.test",
        iccid: line.iccid,
        package_code: "TR-3GB-15D",
        package_name: "Turkey 3GB",
        data_mb: 3072,
        quantity: 1,
        amount: 5.99,
        currency_code: "usd",
        status: "pending",
        error_code: null,
        error_message: null,
      },
    ])
  })

  it.each([
    ["another ICCID", { ...sealed, iccid: "8988000000000000002" }, {}],
    ["a dearer package", { ...sealed, package_code: "TR-10GB-30D" }, {}],
    ["a lower price", sealed, { unit_price: 0.01 }],
    ["a variant line carrying the metadata", sealed, { variant_id: "variant_1" }],
    ["no seal", { iccid: line.iccid, package_code: line.package_code }, {}],
    ["a seal of another secret", { ...sealed, seal: sealTopUpLine("other", line) }, {}],
  ])("records a line with %s as failed TOP_UP_LINE_NOT_SEALED, never pending", (_, metadata, item) => {
    const [draft] = planTopUps(order(metadata, item), SECRET)
    expect(draft).toMatchObject({ status: "failed", error_code: "TOP_UP_LINE_NOT_SEALED" })
  })
})
