import { HOSTILE, esimWith, email } from "./support/delivered-esim"

describe("the delivery email with hostile esimfly fields", () => {
  it("escapes an ICCID in the QR's cid: reference and keeps it out of the attachment's name and id", async () => {
    const notification = email(await esimWith({ iccid: HOSTILE }))
    expect(notification.content.html).not.toContain("<img src=x")
    expect(notification.content.html).not.toContain('1"><img')
    const [attachment] = notification.attachments
    expect(attachment?.filename).toMatch(/^esim-[A-Za-z0-9_]+\.png$/)
    expect(attachment?.id).toMatch(/^qr-[A-Za-z0-9_]+$/)
    expect(notification.content.html).toContain(`cid:${attachment?.id}`)
  })

  it("escapes the plan, the SM-DP+ address and the activation code", async () => {
    const notification = email(
      await esimWith({ data_amount: "<b>1</b>", smdp_address: "<s>x</s>", activation_code: "<i>y</i>" })
    )
    expect(notification.content.html).not.toMatch(/<b>1|<s>x|<i>y/)
  })
})
