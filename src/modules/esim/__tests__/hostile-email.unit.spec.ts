import { deliveryNotification, DeliveredEsim } from "../delivery-email"
import { installDetails } from "../install-details"

const LPA = "LPA:1$rsp.sandbox.esimfly.local$ABCDE-FGHIJ-KLMNO-PQRST"
const HOSTILE = '1"><img src=x onerror=alert(1)>'

async function esimWith(fields: Partial<DeliveredEsim>): Promise<DeliveredEsim> {
  return {
    id: "esim_1", order_id: "order_1", line_item_id: "line_1", status: "new", created_at: "2026-12-03",
    iccid: "8988000000000000001", package_code: "TR-1GB-7D", package_name: "Turkey", data_amount: "1 GB", validity_days: 7,
    ...(await installDetails({ lpa: LPA })),
    ...fields,
  }
}

const email = (esim: DeliveredEsim) =>
  deliveryNotification({ order_id: "order_1", email: "a@b.c", access_token: "tok", access_url: null, esims: [esim] })

describe("the delivery email with hostile esimfly fields", () => {
  it("escapes an ICCID in the QR's cid: reference and keeps it out of the attachment's name and id", async () => {
    const notification = email(await esimWith({ iccid: HOSTILE }))
    expect(notification.content.html).not.toContain("<img src=x")
    expect(notification.content.html).not.toContain('1">')
    const [attachment] = notification.attachments
    expect(attachment?.filename).toMatch(/^esim-[A-Za-z0-9_]+\.png$/)
    expect(attachment?.id).toMatch(/^qr-[A-Za-z0-9_]+$/)
    expect(notification.content.html).toContain(`cid:${attachment?.id}`)
  })

  it("escapes the plan, the SM-DP+ address and the activation code", async () => {
    const notification = email(await esimWith({ data_amount: "<b>1</b>", smdp_address: "<s>x</s>", activation_code: "<i>y</i>" }))
    expect(notification.content.html).not.toMatch(/<b>1|<s>x|<i>y/)
  })

})
