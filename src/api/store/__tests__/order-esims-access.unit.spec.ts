import { hashAccessToken } from "../../../modules/esim/delivery"
import { canReadOrderEsims } from "../order-esims-access"

const token = "emailed-token"
const token_hash = hashAccessToken(token)
const now = new Date("2026-12-03T12:00:00Z")
const token_expires_at = new Date("2027-03-03T12:00:00Z")

describe("canReadOrderEsims", () => {
  it("lets the order's own customer in without a token", () => {
    expect(canReadOrderEsims({ actor_id: "cus_1", order_customer_id: "cus_1", token_hash })).toBe(true)
  })

  it("lets anyone holding the emailed token in, signed in or not", () => {
    expect(canReadOrderEsims({ order_customer_id: "cus_guest", token, token_hash, token_expires_at, now })).toBe(true)
    expect(
      canReadOrderEsims({ actor_id: "cus_2", order_customer_id: "cus_1", token, token_hash, token_expires_at, now })
    ).toBe(true)
  })

  it("keeps out the right token once it has expired or when it has no expiry", () => {
    expect(
      canReadOrderEsims({ order_customer_id: "cus_guest", token, token_hash, token_expires_at, now: token_expires_at })
    ).toBe(false)
    expect(canReadOrderEsims({ order_customer_id: "cus_guest", token, token_hash, token_expires_at: null, now })).toBe(
      false
    )
  })

  it("keeps out another customer, a wrong token and a missing one", () => {
    expect(canReadOrderEsims({ actor_id: "cus_2", order_customer_id: "cus_1", token_hash })).toBe(false)
    expect(canReadOrderEsims({ order_customer_id: "cus_1", token: "guess", token_hash })).toBe(false)
    expect(canReadOrderEsims({ order_customer_id: "cus_1", token_hash })).toBe(false)
    expect(canReadOrderEsims({ order_customer_id: "cus_1", token: token_hash, token_hash })).toBe(false)
  })

  it("never matches an anonymous caller to an order without a customer or a delivery", () => {
    expect(canReadOrderEsims({ order_customer_id: null })).toBe(false)
    expect(canReadOrderEsims({ actor_id: "", order_customer_id: "", token: "" })).toBe(false)
  })
})
