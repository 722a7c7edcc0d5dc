import { ApiReply } from "./types"

/** Order-level failures carry `message`, as in create-order.md. */
export function businessError(
  status: number,
  code: string,
  message: string,
  extra: Record<string, unknown> = {}
): ApiReply {
  return { status, body: { success: false, message, code, ...extra } }
}

/** Gateway/auth failures carry `error`, as in the authentication docs. */
export function gatewayError(
  status: number,
  code: string,
  error: string,
  extra: Record<string, unknown> = {}
): ApiReply {
  return { status, body: { success: false, error, code, ...extra } }
}

/** A query parameter the endpoint cannot use; names it. */
export function parameterError(parameter: string, rule: string): ApiReply {
  return gatewayError(400, "INVALID_PARAMETER", `Invalid parameter: ${parameter}`, {
    message: `${parameter} ${rule}`,
    parameter,
  })
}

export function success(body: Record<string, unknown>): ApiReply {
  return { status: 200, body: { success: true, ...body } }
}
