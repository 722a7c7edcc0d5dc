import { deliveryNotification, DeliveredEsim } from "../../email"
import { installDetails } from "../../install-details"

export const LPA = "LPA:1$rsp.sandbox.esimfly.local$ABCDE-FGHIJ-KLMNO-PQRST"
export const HOSTILE = '1"><img src=x onerror=alert(1)>'

/** A delivered eSIM with real install details, with `fields` put over it. */
export async function esimWith(fields: Partial<DeliveredEsim>): Promise<DeliveredEsim> {
  return {
    id: "esim_1",
    order_id: "order_1",
    line_item_id: "line_1",
    status: "new",
    created_at: "2026-12-03",
    iccid: "8988000000000000001",
    package_code: "TR-1GB-7D",
    package_name: "Turkey",
    data_amount: "1 GB",
    validity_days: 7,
    ...(await installDetails({ lpa: LPA })),
    ...fields,
  }
}

/** The delivery email of one eSIM. */
export const email = (esim: DeliveredEsim) =>
  deliveryNotification({ order_id: "order_1", email: "a@b.c", access_url: null, esims: [esim] })
