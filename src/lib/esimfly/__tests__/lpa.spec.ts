import { buildAndroidInstallUrl, buildAppleInstallUrl, lpaFromInstallUrl, parseLpa } from "../lpa"
import { LPA } from "./fake-fetch"

describe("lpa helpers", () => {
  it("splits an LPA into SM-DP+ address and activation code", () => {
    expect(parseLpa(LPA)).toEqual({ smdpAddress: "rsp-3104.idemia.io", activationCode: "DOAZJ-HYDO5-HGMLN-S9B8S" })
    expect(parseLpa("LPA:1$smdp.example$CODE$1.2.3$1")).toEqual({ smdpAddress: "smdp.example", activationCode: "CODE" })
  })

  it("rejects strings that are not LPAs", () => {
    expect(parseLpa("")).toBeNull()
    expect(parseLpa("hello$world$x")).toBeNull()
    expect(parseLpa("LPA:1$only-smdp")).toBeNull()
    expect(parseLpa(null)).toBeNull()
  })

  it("recovers the LPA from a URL-encoded carddata parameter", () => {
    const url = `https://esimsetup.apple.com/esim_qrcode_provisioning?carddata=${encodeURIComponent(LPA)}`
    expect(lpaFromInstallUrl(url)).toBe(LPA)
  })

  it("recovers the LPA from a raw carddata parameter, as the docs show it", () => {
    expect(lpaFromInstallUrl(`https://esimsetup.apple.com/esim_qrcode_provisioning?carddata=${LPA}`)).toBe(LPA)
  })

  it("returns null for placeholders and broken links", () => {
    expect(lpaFromInstallUrl("")).toBeNull()
    expect(lpaFromInstallUrl("https://esimsetup.apple.com/esim_qrcode_provisioning?carddata=LPA:1$...")).toBeNull()
    expect(lpaFromInstallUrl("https://esimsetup.apple.com/esim_qrcode_provisioning?carddata=%E0%A4%A")).toBeNull()
  })

  it("builds one-tap install links with the LPA URL-encoded", () => {
    const encoded = encodeURIComponent(LPA)
    expect(buildAndroidInstallUrl(LPA)).toBe(
      `https://esimsetup.android.com/esim_qrcode_provisioning?carddata=${encoded}`
    )
    expect(buildAppleInstallUrl(LPA)).toBe(`https://esimsetup.apple.com/esim_qrcode_provisioning?carddata=${encoded}`)
    expect(lpaFromInstallUrl(buildAndroidInstallUrl(LPA))).toBe(LPA)
  })
})
