import { StoreGetOrderEsims, StoreListCustomerEsims } from "../validators"

describe("StoreListCustomerEsims", () => {
  it("defaults to the first 20 and turns query text into numbers", () => {
    expect(StoreListCustomerEsims.parse({})).toEqual({ limit: 20, offset: 0 })
    expect(StoreListCustomerEsims.parse({ limit: "5", offset: "10", order_id: "order_1" })).toEqual({
      limit: 5,
      offset: 10,
      order_id: "order_1",
    })
  })

  it("rejects limits outside 1..100, negative offsets and non-numbers", () => {
    for (const input of [{ limit: "0" }, { limit: "101" }, { limit: "abc" }, { limit: "1.5" }, { offset: "-1" }]) {
      expect(StoreListCustomerEsims.safeParse(input).success).toBe(false)
    }
  })
})

describe("StoreGetOrderEsims", () => {
  it("refuses a token in the query string, naming the field and the header to use instead", () => {
    const result = StoreGetOrderEsims.safeParse({ token: "abc" })
    expect(result.success).toBe(false)
    const message = result.error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")
    expect(message).toContain("token")
    expect(message).toContain("x-esim-access-token")
  })

  it("accepts a query without a token", () => {
    expect(StoreGetOrderEsims.parse({})).toEqual({})
  })
})
