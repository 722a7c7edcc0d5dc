import { loadOptions as load, validOptions as valid } from "./support/load-options"
import { parseEsimModuleOptions } from "../options"

describe("the module's email options", () => {
  it("defaults locale to en and takes every shipped locale", () => {
    expect(parseEsimModuleOptions(valid).locale).toBe("en")
    expect(parseEsimModuleOptions({ ...valid, locale: "ar" }).locale).toBe("ar")
  })

  it.each(["fr", "AR", "", 1])(
    "stops start-up on locale %p, naming the option and the shipped locales",
    async (locale) => {
      await expect(load({ ...valid, locale })).rejects.toThrow('esimfly: option "locale" must be one of "en", "ar"')
    }
  )

  it("takes an https logoUrl, trimmed", () => {
    expect(parseEsimModuleOptions(valid).logoUrl).toBeUndefined()
    expect(parseEsimModuleOptions({ ...valid, logoUrl: " https://cdn.test/logo.png " }).logoUrl).toBe(
      "https://cdn.test/logo.png"
    )
  })

  it.each(["http://cdn.test/logo.png", "javascript:alert(1)", "data:image/png;base64,AA", "logo.png"])(
    "stops start-up on logoUrl %p, naming the option",
    async (logoUrl) => {
      await expect(load({ ...valid, logoUrl })).rejects.toThrow('esimfly: option "logoUrl" must be an https URL')
    }
  )

  it.each(["http://shop.test/orders/{order_id}", "javascript:alert(1)//{order_id}"])(
    "stops start-up on an orderEsimsUrl the email would not link to: %p",
    async (orderEsimsUrl) => {
      await expect(load({ ...valid, orderEsimsUrl })).rejects.toThrow(
        'esimfly: option "orderEsimsUrl" must be an https URL'
      )
    }
  )

  it("takes an https orderEsimsUrl, or http on localhost", () => {
    for (const orderEsimsUrl of ["https://shop.test/orders/{order_id}", "http://localhost:8000/orders/{order_id}"]) {
      expect(parseEsimModuleOptions({ ...valid, orderEsimsUrl }).orderEsimsUrl).toBe(orderEsimsUrl)
    }
  })
})
