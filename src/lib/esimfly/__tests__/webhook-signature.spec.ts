import { createHmac } from "node:crypto"

import { verifyWebhookSignature } from "../webhook-signature"

const SECRET = "whsec_5f2b9c0e7d1a4e3b8c6d"
const BODY =
  '{"event":"esim.installed","timestamp":"2026-02-13T23:27:00.000Z","data":{"iccid":"8932042000010078801",' +
  '"esim_id":2503,"package_code":"TR-1GB-7D","order_reference":"order_1692123456_ab7cd","source":"smdp",' +
  '"eid":"89049032000001000000000000000001","imsi":"260010185757766","installed_at":"2026-02-13T23:27:00.000Z"}}'
/** `openssl dgst -sha256 -hmac "$SECRET"` over BODY, computed outside this code base. */
const BODY_HEX = "4c894256f96f2376d103004977f9b560b0050a9c4c2afd5e243bc8b30c96c0e3"

/** The documented formula: `sha256=` + hex HMAC-SHA256(secret, raw body) (docs: lifecycle.md, "Delivery"). */
function documentedHeader(body: string | Buffer, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`
}

describe("verifyWebhookSignature", () => {
  it('accepts the published HMAC-SHA256 vector (key "key", the quick brown fox)', () => {
    const header = "sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8"

    expect(verifyWebhookSignature("The quick brown fox jumps over the lazy dog", header, "key")).toBe(true)
  })

  it("accepts an esimfly body signed with openssl, and the test's own computation agrees with openssl", () => {
    expect(documentedHeader(BODY, SECRET)).toBe(`sha256=${BODY_HEX}`)
    expect(verifyWebhookSignature(BODY, `sha256=${BODY_HEX}`, SECRET)).toBe(true)
    expect(verifyWebhookSignature(Buffer.from(BODY, "utf8"), `sha256=${BODY_HEX}`, SECRET)).toBe(true)
  })

  it("accepts the hex digits in upper case", () => {
    expect(verifyWebhookSignature(BODY, `sha256=${BODY_HEX.toUpperCase()}`, SECRET)).toBe(true)
  })

  it("verifies the raw bytes of a non-ASCII body, not a decoded and re-encoded string", () => {
    const bytes = Buffer.from('{"event":"esim.installed","data":{"package_name":"Türkiye 1 GB"}}', "utf8")

    expect(verifyWebhookSignature(bytes, documentedHeader(bytes, SECRET), SECRET)).toBe(true)
    expect(verifyWebhookSignature(bytes, documentedHeader(Buffer.from(bytes.toString("latin1")), SECRET), SECRET)).toBe(
      false
    )
  })

  it.each([
    ["a missing header", undefined],
    ["an empty header", ""],
    ["the bare hex without the sha256= prefix", BODY_HEX],
    ["another algorithm's prefix", `sha1=${BODY_HEX}`],
    ["a short signature (63 hex digits)", `sha256=${BODY_HEX.slice(0, 63)}`],
    ["a short signature (32 bytes as 62 digits)", `sha256=${BODY_HEX.slice(2)}`],
    ["a long signature (66 hex digits)", `sha256=${BODY_HEX}00`],
    ["a non-hex character", `sha256=${BODY_HEX.slice(0, 63)}g`],
    ["a signature with whitespace around it", ` sha256=${BODY_HEX} `],
    ["the prefix alone", "sha256="],
    ["a signature of another secret", documentedHeader(BODY, "whsec_other")],
    ["a signature with its last digit changed", `sha256=${BODY_HEX.slice(0, 63)}4`],
  ])("refuses %s", (_label, header) => {
    expect(verifyWebhookSignature(BODY, header, SECRET)).toBe(false)
  })

  it("refuses a body changed by one byte, and the same JSON re-serialised with other spacing", () => {
    const header = `sha256=${BODY_HEX}`

    expect(verifyWebhookSignature(BODY.replace("2503", "2504"), header, SECRET)).toBe(false)
    expect(verifyWebhookSignature(JSON.stringify(JSON.parse(BODY), null, 2), header, SECRET)).toBe(false)
  })

  it("refuses everything when the secret is empty, even a signature made with the empty key", () => {
    expect(verifyWebhookSignature(BODY, documentedHeader(BODY, ""), "")).toBe(false)
  })
})
