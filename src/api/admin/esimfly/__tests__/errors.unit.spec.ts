import { MedusaError } from "@medusajs/framework/utils"
import { errorFromResponse, EsimflyInvalidRequestError } from "../../../../lib/esimfly"
import { toMedusaError } from "../errors"

describe("toMedusaError", () => {
  it("passes the message of input rejected before sending as INVALID_DATA", () => {
    const rejected = new EsimflyInvalidRequestError({
      message: "quantity must be 1-10",
      code: "VALIDATION_ERROR",
      field: "quantity",
    })

    expect(toMedusaError(rejected)).toMatchObject({
      type: MedusaError.Types.INVALID_DATA,
      message: "quantity must be 1-10",
    })
  })

  it("names esimfly's code when esimfly itself answers 4xx VALIDATION_ERROR", () => {
    const answered = errorFromResponse(422, { success: false, code: "VALIDATION_ERROR", message: "bad country" })

    expect(toMedusaError(answered)).toMatchObject({
      type: MedusaError.Types.INVALID_DATA,
      message: "esimfly refused the request (VALIDATION_ERROR): bad country",
    })
  })

  it("maps insufficient balance to NOT_ALLOWED and a 5xx to UNEXPECTED_STATE", () => {
    const balance = errorFromResponse(400, { code: "INSUFFICIENT_BALANCE", message: "Insufficient balance" })
    const outage = errorFromResponse(503, undefined)

    expect(toMedusaError(balance)).toMatchObject({
      type: MedusaError.Types.NOT_ALLOWED,
      message: "Insufficient balance",
    })
    expect(toMedusaError(outage)).toMatchObject({
      type: MedusaError.Types.UNEXPECTED_STATE,
      message: "esimfly is unavailable (HTTP_503): esimfly responded with HTTP 503",
    })
  })
})
