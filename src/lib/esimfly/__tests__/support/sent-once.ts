import { EsimflyClient } from "../../client"
import { EsimflyOutcomeUnknownError } from "../../errors"
import { json, makeClient, Reply } from "../fake-fetch"

/**
 * Sends one call that must never be re-sent, answers it with `reply` (a good answer waits behind it),
 * and checks it went out once, without a retry, and failed as an unknown outcome carrying `expected`.
 */
export async function sentOnceOutcomeUnknown(
  send: (client: EsimflyClient) => Promise<unknown>,
  reply: Reply,
  goodAnswer: unknown,
  expected: Record<string, unknown>
): Promise<EsimflyOutcomeUnknownError> {
  const { client, calls, delays } = makeClient([reply, json(goodAnswer)])
  const error = await send(client).catch((e: unknown) => e)
  expect(calls).toHaveLength(1)
  expect(delays).toHaveLength(0)
  expect(error).toBeInstanceOf(EsimflyOutcomeUnknownError)
  expect(error).toMatchObject({ ...expected, requestId: calls[0]?.headers["RT-RequestID"], retryable: false })
  return error as EsimflyOutcomeUnknownError
}
