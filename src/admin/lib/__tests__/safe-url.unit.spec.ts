import { httpsHref } from "../safe-url"

describe("httpsHref, the admin card's only source of an install link's href", () => {
  it("returns an https: link as it is", () => {
    expect(httpsHref("https://esimsetup.apple.com/esim_qrcode_provisioning?carddata=LPA%3A1")).toBe(
      "https://esimsetup.apple.com/esim_qrcode_provisioning?carddata=LPA%3A1"
    )
  })

  it("returns nothing for javascript:, data:, http:, relative or unparseable links", () => {
    for (const bad of [
      "javascript:alert(1)",
      "JAVASCRIPT:alert(1)",
      "\tjavascript:alert(1)",
      "data:text/html,x",
      "http://a.test",
      "/relative",
      "",
      null,
      undefined,
    ]) {
      expect(httpsHref(bad)).toBeNull()
    }
  })
})
