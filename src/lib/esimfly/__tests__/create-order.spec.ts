import { EsimflyInsufficientBalanceError, EsimflyRateLimitError, EsimflyRefusedError } from "../errors"
import { completedOrder, json, makeClient, raw, Reply, resetError, timeoutError } from "./fake-fetch"
import { sentOnceOutcomeUnknown } from "./support/sent-once"

const input = { packageCode: "TR1GB7D", quantity: 2, idempotencyKey: "line_42" }

const outcomeUnknown = (reply: Reply) =>
  sentOnceOutcomeUnknown((client) => client.createOrder(input), reply, completedOrder(), {
    code: "ORDER_OUTCOME_UNKNOWN",
    idempotencyKey: "line_42",
    packageCode: "TR1GB7D",
    quantity: 2,
  })

describe("createOrder is sent exactly once", () => {
  it("reports an unknown outcome on timeout", async () => {
    const error = await outcomeUnknown(timeoutError())

    expect(error.causeKind).toBe("timeout")
    expect(error.message).toBe("esimfly create-order outcome unknown (timeout); look the order up before retrying")
  })

  it("reports an unknown outcome on a connection reset", async () => {
    expect((await outcomeUnknown(resetError())).causeKind).toBe("network")
  })

  it("reports an unknown outcome when the body cannot be read", async () => {
    const broken = new Response(
      new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"success":true,'))
          controller.error(new TypeError("terminated"))
        },
      }),
      { status: 200 }
    )

    expect((await outcomeUnknown(broken)).causeKind).toBe("network")
  })

  it.each([502, 503, 504])("reports an unknown outcome on a bare %i", async (status) => {
    const error = await outcomeUnknown(raw("<html>Bad gateway</html>", status))

    expect(error).toMatchObject({ causeKind: "bad_gateway", status })
  })

  it("reports an unknown outcome on a 500 without an esimfly code", async () => {
    expect((await outcomeUnknown(json({ success: false, error: "Internal error" }, 500))).causeKind).toBe("bad_gateway")
  })

  it("reports an unknown outcome when a 200 body is truncated or malformed", async () => {
    expect((await outcomeUnknown(raw('{"success":true,"orderRef', 200))).causeKind).toBe("unreadable_response")
    expect((await outcomeUnknown(json({ success: true, orderReference: 42 }))).causeKind).toBe("unreadable_response")
  })

  it("throws a retryable refusal with the code for a recognised 500 answer", async () => {
    const { client, calls } = makeClient([
      json({ success: false, message: "Failed to process order", code: "ORDER_PROCESSING_ERROR" }, 500),
    ])

    await expect(client.createOrder(input)).rejects.toMatchObject({
      constructor: EsimflyRefusedError,
      code: "ORDER_PROCESSING_ERROR",
      retryable: true,
    })
    expect(calls).toHaveLength(1)
  })

  it("throws esimfly's own 500 answer even when its code is UNEXPECTED_RESPONSE, not an unknown outcome", async () => {
    const { client } = makeClient([json({ success: false, message: "upstream", code: "UNEXPECTED_RESPONSE" }, 500)])

    await expect(client.createOrder(input)).rejects.toMatchObject({
      code: "UNEXPECTED_RESPONSE",
      status: 500,
      message: "upstream",
    })
  })

  it("throws INSUFFICIENT_BALANCE with the idempotency key", async () => {
    const body = {
      success: false,
      message: "Insufficient balance",
      code: "INSUFFICIENT_BALANCE",
      currentBalance: 25.5,
      requiredBalance: 27.2,
      needToLoad: 1.7,
    }
    const { client } = makeClient([json(body, 400)])

    const error = await client.createOrder(input).catch((e: unknown) => e)

    expect(error).toBeInstanceOf(EsimflyInsufficientBalanceError)
    expect(error).toMatchObject({ idempotencyKey: "line_42", needToLoad: 1.7 })
  })

  it("does not retry a 429; it is a definite answer", async () => {
    const { client, calls, delays } = makeClient([
      json({ success: false, code: "RATE_LIMIT_EXCEEDED", error: "Too many" }, 429, { "retry-after": "2" }),
    ])

    const error = await client.createOrder(input).catch((e: unknown) => e)

    expect(error).toBeInstanceOf(EsimflyRateLimitError)
    expect((error as EsimflyRateLimitError).retryAfterMs).toBe(2000)
    expect(calls).toHaveLength(1)
    expect(delays).toHaveLength(0)
  })
})
