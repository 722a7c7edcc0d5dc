import { installDetails } from "../install-details"
import { esimWith, email } from "./support/delivered-esim"

describe("install links in the delivery email", () => {
  it("renders no install link that is not https:", async () => {
    const esim = await esimWith({ apple_install_url: "javascript:alert(1)", android_install_url: "http://evil.test/x" })
    const notification = email(esim)
    expect(notification.content.html).not.toContain("javascript:")
    expect(notification.content.html).not.toContain("http://evil.test")
    expect(notification.content.text).not.toContain("javascript:")
    expect(notification.content.text).not.toContain("http://evil.test")
  })
})

describe("installDetails with hostile install links", () => {
  it("drops a javascript:, data: or http: link from esimfly and keeps an https: one", async () => {
    for (const bad of [
      "javascript:alert(1)",
      "JavaScript:alert(1)",
      " javascript:alert(1)",
      "data:text/html,x",
      "http://esimsetup.apple.com/x",
      "not a url",
    ]) {
      const details = await installDetails({ lpa: null, apple_install_url: bad, android_install_url: bad })
      expect(details).toMatchObject({ apple_install_url: null, android_install_url: null })
    }
    const kept = await installDetails({ lpa: null, apple_install_url: "https://esimsetup.apple.com/x" })
    expect(kept.apple_install_url).toBe("https://esimsetup.apple.com/x")
  })
})
