import { webhookUrlFor } from "../connection"

describe("webhookUrlFor", () => {
  it("appends /hooks/esimfly to option webhookUrl, which wins over the backend URL", () => {
    expect(webhookUrlFor("https://shop.example", "https://api.shop.example")).toBe("https://shop.example/hooks/esimfly")
    expect(webhookUrlFor("https://shop.example/medusa/", undefined)).toBe("https://shop.example/medusa/hooks/esimfly")
  })

  it("keeps a URL that already ends in /hooks/esimfly, and drops a query or fragment", () => {
    expect(webhookUrlFor("https://shop.example/hooks/esimfly/", undefined)).toBe("https://shop.example/hooks/esimfly")
    expect(webhookUrlFor("https://shop.example/?a=1#b", undefined)).toBe("https://shop.example/hooks/esimfly")
  })

  it("falls back to an absolute https or loopback http backend URL", () => {
    expect(webhookUrlFor(undefined, "https://api.shop.example")).toBe("https://api.shop.example/hooks/esimfly")
    expect(webhookUrlFor(undefined, "http://localhost:9000")).toBe("http://localhost:9000/hooks/esimfly")
  })

  it('gives null for Medusa\'s default backend URL "/", none at all, or a public http URL', () => {
    expect(webhookUrlFor(undefined, "/")).toBeNull()
    expect(webhookUrlFor(undefined, undefined)).toBeNull()
    expect(webhookUrlFor(undefined, "http://shop.example")).toBeNull()
  })
})
