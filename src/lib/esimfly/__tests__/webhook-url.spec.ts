import { isWebhookUrl } from "../https-url"

describe("isWebhookUrl", () => {
  it("takes absolute https URLs, and http only on localhost or 127.0.0.1 (the sandbox's allowHttpWebhooks)", () => {
    expect(isWebhookUrl("https://shop.example/hooks/esimfly")).toBe(true)
    expect(isWebhookUrl("http://localhost:9000/hooks/esimfly")).toBe(true)
    expect(isWebhookUrl("http://127.0.0.1:9000/hooks/esimfly")).toBe(true)
  })

  it("refuses public http, other schemes, relative URLs and URLs with credentials", () => {
    for (const url of ["http://shop.example", "ftp://shop.example", "/hooks/esimfly", "https://a:b@shop.example", ""]) {
      expect(isWebhookUrl(url)).toBe(false)
    }
  })
})
