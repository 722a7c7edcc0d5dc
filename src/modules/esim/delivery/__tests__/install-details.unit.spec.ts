import jsQR from "jsqr"
import { PNG } from "pngjs"
import { lpaFromInstallUrl } from "../../../../lib/esimfly"
import { accessTokenMatches, hashAccessToken, newAccessToken } from "../access-token"
import { deliveryNotification } from "../email"
import { installDetails } from "../install-details"

const LPA = "LPA:1$rsp.sandbox.esimfly.local$ABCDE-FGHIJ-KLMNO-PQRST"

function decodeQr(dataUrl: string): string | undefined {
  const png = PNG.sync.read(Buffer.from(dataUrl.split(",")[1], "base64"))
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data
}

describe("installDetails", () => {
  it("renders a QR code that decodes back to the LPA, with manual codes and both links", async () => {
    const details = await installDetails({ lpa: LPA })
    expect(details.qr_code_data_url).toMatch(/^data:image\/png;base64,/)
    expect(decodeQr(details.qr_code_data_url ?? "")).toBe(LPA)
    expect(details).toMatchObject({
      smdp_address: "rsp.sandbox.esimfly.local",
      activation_code: "ABCDE-FGHIJ-KLMNO-PQRST",
    })
    expect(details.android_install_url).toBe(
      `https://esimsetup.android.com/esim_qrcode_provisioning?carddata=${encodeURIComponent(LPA)}`
    )
    expect(lpaFromInstallUrl(details.apple_install_url)).toBe(LPA)
  })

  it("keeps what esimfly sent and renders nothing without an LPA", async () => {
    const details = await installDetails({ lpa: null, apple_install_url: "https://esimsetup.apple.com/x" })
    expect(details).toMatchObject({
      qr_code_data_url: null,
      apple_install_url: "https://esimsetup.apple.com/x",
      android_install_url: null,
    })
  })
})

describe("guest access tokens", () => {
  it("stores only a hash and matches in constant time", () => {
    const token = newAccessToken()
    expect(token.length).toBeGreaterThanOrEqual(43)
    const hash = hashAccessToken(token)
    expect(hash).not.toContain(token)
    expect(accessTokenMatches(token, hash)).toBe(true)
    expect(accessTokenMatches(newAccessToken(), hash)).toBe(false)
    expect(accessTokenMatches(undefined, hash)).toBe(false)
    expect(accessTokenMatches(token, null)).toBe(false)
  })
})

describe("deliveryNotification", () => {
  it("carries the QR inline, the manual codes and escapes the package name", async () => {
    const esim = {
      id: "esim_1",
      order_id: "order_1",
      line_item_id: "line_1",
      status: "new",
      created_at: "2026-11-25",
      iccid: "8988000000000000001",
      package_code: "TR-1GB-7D",
      package_name: "<b>Turkey</b>",
      data_amount: "1 GB",
      validity_days: 7,
      ...(await installDetails({ lpa: LPA })),
    }
    const notification = deliveryNotification({
      order_id: "order_1",
      email: "a@b.c",
      access_url: "https://shop.test/esim/orders/order_1#token=tok_secret",
      esims: [esim],
    })
    expect(notification).toMatchObject({ to: "a@b.c", channel: "email", template: "esim-delivered" })
    expect(notification.content.html).toContain("cid:qr-8988000000000000001")
    expect(notification.content.html).toContain("&lt;b&gt;Turkey&lt;/b&gt;")
    expect(notification.content.text).toContain("ABCDE-FGHIJ-KLMNO-PQRST")
    expect(notification.content.text).not.toMatch(/access code/i)
    expect(notification.content.html).toContain('href="https://shop.test/esim/orders/order_1#token=tok_secret"')
    expect(JSON.stringify(notification.data)).not.toContain("tok_secret")
    expect(notification.attachments).toEqual([
      expect.objectContaining({ id: "qr-8988000000000000001", disposition: "inline", content_type: "image/png" }),
    ])
  })

  it("says how many of the ordered eSIMs it carries when some are missing, and never calls a short delivery complete", async () => {
    const esim = (iccid: string) => ({
      id: iccid,
      order_id: "order_1",
      line_item_id: "line_1",
      status: "new",
      created_at: "2026-11-25",
      iccid,
      package_code: "TR-1GB-7D",
      package_name: "Turkey",
      data_amount: "1 GB",
      validity_days: 7,
      qr_code_data_url: null,
      apple_install_url: null,
      android_install_url: null,
      smdp_address: null,
      activation_code: null,
      lpa: null,
    })
    const base = { order_id: "order_1", email: "a@b.c", access_url: null }
    const short = deliveryNotification({ ...base, esims: [esim("1"), esim("2")], ordered: 3 })
    expect(short.content.subject).toBe("2 of your 3 eSIMs are ready")
    expect(short.content.text).toContain("The other 1 eSIM is not ready yet")
    expect(short.data).toMatchObject({ ordered_esim_count: 3 })
    const full = deliveryNotification({ ...base, esims: [esim("1"), esim("2")], ordered: 2 })
    expect(full.content.subject).toBe("Your 2 eSIMs are ready")
    expect(full.content.text).not.toContain("not ready yet")
  })
})
