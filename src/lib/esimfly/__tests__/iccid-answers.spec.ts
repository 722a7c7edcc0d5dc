import { EsimflyOutcomeUnknownError, EsimflyTransportError } from "../errors"
import { completedOrder, json, makeClient } from "./fake-fetch"

const HOSTILE = [
  '1"><img src=x onerror=alert(1)>',
  "12345678901234567",
  "12345678901234567890123",
  "8932042000010078801 ",
  "89320420000100788ab",
]

function statusAnswer(iccid: string) {
  const order = { id: 1, packageName: "Turkey", packageCode: "TR1GB7D", status: "completed", orderReference: "order_1" }
  return json({ success: true, order: { ...order, esim: { iccid, lpaString: "LPA:1$a.test$CODE" } } })
}

describe("an ICCID in esimfly's answers must be 18 to 22 digits", () => {
  it.each(HOSTILE)(
    "turns a create-order answer with ICCID %j into an unknown outcome, never a lost purchase",
    async (iccid) => {
      const { client } = makeClient([
        json(completedOrder({ esims: [{ ...(completedOrder().esims as object[])[0], iccid }] })),
      ])
      const error = await client
        .createOrder({ packageCode: "TR1GB7D", quantity: 1, idempotencyKey: "line_1" })
        .catch((e: unknown) => e)
      expect(error).toBeInstanceOf(EsimflyOutcomeUnknownError)
      expect(error).toMatchObject({ code: "ORDER_OUTCOME_UNKNOWN", causeKind: "unreadable_response" })
    }
  )

  it.each(HOSTILE)("turns an order-status answer with ICCID %j into the unreadable-answer error", async (iccid) => {
    const { client } = makeClient([statusAnswer(iccid)])
    await expect(client.getOrder("order_1")).rejects.toMatchObject({
      constructor: EsimflyTransportError,
      code: "UNEXPECTED_RESPONSE",
    })
  })

  it("accepts 18- and 22-digit ICCIDs and a pending placeholder", async () => {
    for (const iccid of ["893204200001007880", "8932042000010078801234"]) {
      const { client } = makeClient([statusAnswer(iccid)])
      await expect(client.getOrder("order_1")).resolves.toMatchObject({ esims: [{ iccid }] })
    }
    const { client } = makeClient([statusAnswer("PENDING_B25081719340002_1755459260253")])
    await expect(client.getOrder("order_1")).resolves.toMatchObject({ esims: [] })
  })
})
