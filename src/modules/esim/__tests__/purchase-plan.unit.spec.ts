import { idempotencyKeyFor, packageCodeOf, planIntents, splitIntoBatches } from "../purchase-plan"

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

describe("planIntents", () => {
  const esimItem = (id: string, quantity: number, code: unknown) => ({
    id,
    quantity,
    variant_id: `variant_${id}`,
    variant: { metadata: { esimfly_package_code: code } },
  })

  it("plans one intent per batch of each eSIM line and leaves physical lines alone", () => {
    const plan = planIntents({
      id: "order_1",
      email: "a@b.c",
      customer_id: "cus_1",
      items: [esimItem("line_a", 12, "TR-1GB-7D"), { id: "line_b", quantity: 1, variant: { metadata: {} } }, null],
    })
    expect(plan).toEqual([
      expect.objectContaining({ line_item_id: "line_a", batch: 0, quantity: 10, package_code: "TR-1GB-7D", idempotency_key: "order_1:line_a:0" }),
      expect.objectContaining({ line_item_id: "line_a", batch: 1, quantity: 2, idempotency_key: "order_1:line_a:1", customer_id: "cus_1", email: "a@b.c" }),
    ])
  })

  it("ignores blank or non-string package codes", () => {
    expect(packageCodeOf(esimItem("x", 1, "  "))).toBeNull()
    expect(packageCodeOf(esimItem("x", 1, 42))).toBeNull()
    expect(packageCodeOf(esimItem("x", 1, " EU-5GB-30D "))).toBe("EU-5GB-30D")
  })

  it("gives every batch a stable idempotency key", () => {
    expect(idempotencyKeyFor("order_1", "line_a", 2)).toBe("order_1:line_a:2")
  })
})
