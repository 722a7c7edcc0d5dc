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
  it("takes an optional token and nothing else once made strict", () => {
    expect(StoreGetOrderEsims.parse({ token: "abc" })).toEqual({ token: "abc" })
    expect(StoreGetOrderEsims.strict().safeParse({ foo: "1" }).success).toBe(false)
    expect(StoreGetOrderEsims.safeParse({ token: ["a", "b"] }).success).toBe(false)
  })
})
