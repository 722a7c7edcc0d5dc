import { guestAccessExpiresAt, guestAccessUrl, isGuestAccessLive } from "../access-token"
import { loadOptions as load, validOptions as valid } from "../../__tests__/support/load-options"
import { parseEsimModuleOptions } from "../../options"

describe("the guest link in the delivery email", () => {
  it("carries the token in the URL fragment, never in the path or the query", () => {
    const url = guestAccessUrl("https://shop.test/orders/{order_id}/esims", "order_1", "tok/en+=")
    expect(url).toBe("https://shop.test/orders/order_1/esims#token=tok%2Fen%2B%3D")
    const parsed = new URL(url)
    expect(parsed.pathname + parsed.search).not.toContain("tok")
  })

  it("appends the token to an existing fragment and still fills {order_id}", () => {
    expect(guestAccessUrl("https://shop.test/esims?o={order_id}#view", "order 1", "t")).toBe(
      "https://shop.test/esims?o=order%201#view&token=t"
    )
  })
})

describe("guestAccessTtlDays", () => {
  it("defaults to 90 days and accepts a numeric string", () => {
    expect(parseEsimModuleOptions(valid)).toMatchObject({ guestAccessTtlDays: 90 })
    expect(parseEsimModuleOptions({ ...valid, guestAccessTtlDays: "7" })).toMatchObject({ guestAccessTtlDays: 7 })
  })

  it.each([0, -1, 1.5, "soon", 3651])("stops start-up on guestAccessTtlDays %j, naming the option", async (bad) => {
    await expect(load({ ...valid, guestAccessTtlDays: bad })).rejects.toThrow(
      'esimfly: option "guestAccessTtlDays" must be an integer between 1 and 3650'
    )
  })

  it("lets a token in until its expiry and not after", () => {
    const issued = new Date("2026-12-03T00:00:00Z")
    const expires = guestAccessExpiresAt(issued, 90)
    expect(expires.toISOString()).toBe("2027-03-03T00:00:00.000Z")
    expect(isGuestAccessLive(expires, new Date("2027-03-02T23:59:59Z"))).toBe(true)
    expect(isGuestAccessLive(expires, new Date("2027-03-03T00:00:00Z"))).toBe(false)
    expect(isGuestAccessLive(null, issued)).toBe(false)
  })
})
