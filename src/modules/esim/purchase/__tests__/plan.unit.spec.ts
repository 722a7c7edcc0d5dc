import {
  CHECKOUT_CODES_METADATA_KEY,
  idempotencyKeyFor,
  packageCodeOf,
  planEsimOrders,
  splitIntoBatches,
} from "../plan"

describe("splitIntoBatches", () => {
  it.each([
    [1, [1]],
    [10, [10]],
    [11, [10, 1]],
    [23, [10, 10, 3]],
    [30, [10, 10, 10]],
    [0, []],
  ])("splits %i into %j", (quantity, batches) => {
    expect(splitIntoBatches(quantity)).toEqual(batches)
  })
})

describe("planEsimOrders", () => {
  const esimItem = (id: string, quantity: number, code: unknown) => ({
    id,
    quantity,
    variant_id: `variant_${id}`,
    variant: { metadata: { esimfly_package_code: code } },
  })

  it("plans one eSIM order per batch of each eSIM line and leaves physical lines alone", () => {
    const plan = planEsimOrders({
      id: "order_1",
      email: "a@b.c",
      customer_id: "cus_1",
      items: [esimItem("line_a", 12, "TR-1GB-7D"), { id: "line_b", quantity: 1, variant: { metadata: {} } }, null],
    })
    expect(plan).toEqual([
      expect.objectContaining({
        line_item_id: "line_a",
        batch: 0,
        quantity: 10,
        package_code: "TR-1GB-7D",
        idempotency_key: "order_1:line_a:0",
      }),
      expect.objectContaining({
        line_item_id: "line_a",
        batch: 1,
        quantity: 2,
        idempotency_key: "order_1:line_a:1",
        customer_id: "cus_1",
        email: "a@b.c",
      }),
    ])
  })

  it("ignores blank or non-string package codes", () => {
    expect(packageCodeOf(esimItem("x", 1, "  "))).toBeNull()
    expect(packageCodeOf(esimItem("x", 1, 42))).toBeNull()
    expect(packageCodeOf(esimItem("x", 1, " EU-5GB-30D "))).toBe("EU-5GB-30D")
  })

  it("buys the code recorded on the cart at checkout over the variant's mapping now, and the recorded code of a variant gone", () => {
    const cart = {
      metadata: { [CHECKOUT_CODES_METADATA_KEY]: { variant_line_a: "TR-1GB-7D", variant_line_b: "EU-5GB-30D" } },
    }
    const remapped = esimItem("line_a", 1, "US-1GB-7D")
    const deleted = { id: "line_b", quantity: 1, variant_id: "variant_line_b", variant: null }
    const plan = planEsimOrders({ id: "order_1", cart, items: [remapped, deleted] })
    expect(plan.map((esimOrder) => [esimOrder.line_item_id, esimOrder.package_code])).toEqual([
      ["line_a", "TR-1GB-7D"],
      ["line_b", "EU-5GB-30D"],
    ])
  })

  it("falls back to the variant's mapping for an order made without a cart, or a blank recorded code", () => {
    const cart = { metadata: { [CHECKOUT_CODES_METADATA_KEY]: { variant_line_a: " " } } }
    expect(planEsimOrders({ id: "o", cart, items: [esimItem("line_a", 1, "TR-1GB-7D")] })[0].package_code).toBe(
      "TR-1GB-7D"
    )
    expect(planEsimOrders({ id: "o", cart: null, items: [esimItem("line_a", 1, "TR-1GB-7D")] })[0].package_code).toBe(
      "TR-1GB-7D"
    )
  })

  it("gives every batch a stable idempotency key", () => {
    expect(idempotencyKeyFor("order_1", "line_a", 2)).toBe("order_1:line_a:2")
  })
})
