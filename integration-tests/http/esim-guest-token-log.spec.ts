import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { checkoutEsimCart, seedEsimStore, storeHeaders, waitForOrderPlaced } from "../fixtures/esim-store"
import { recordNotifications, tokenFromEmailLink, withPublicBackendUrl } from "../fixtures/notifications"
import { captureServerLog, withAccessLog } from "../fixtures/server-log"
import { useSandbox } from "../helpers/sandbox-env"

jest.setTimeout(120 * 1000)

withAccessLog()

const sandbox = useSandbox()

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    it("never writes the guest token to the server's log, from checkout to the guest reading their eSIMs", async () => {
      sandbox.current().reset()
      const container = getContainer()
      const restoreBackendUrl = withPublicBackendUrl(container, "https://shop.esim.test")
      const seed = await seedEsimStore(container, { packageCodes: ["TR1GB7D"] })
      const sent = recordNotifications(container)
      const anonymous = storeHeaders(seed.publishableKey.token)
      let token = ""
      let orderId = ""

      const log = await captureServerLog(container.resolve(ContainerRegistrationKeys.LOGGER), async () => {
        const placed = waitForOrderPlaced(container, { timeout: 60_000 })
        const lines = [{ variantId: seed.esimProducts.TR1GB7D.variant.id, quantity: 1 }]
        const { order } = await checkoutEsimCart(api, seed, { lines, email: "guest-log@esim.test" })
        await placed
        orderId = order.id
        token = tokenFromEmailLink(sent.find((n) => n.template === "esim-delivered")?.content?.html)
        const read = await api.get(`/store/orders/${order.id}/esims`, {
          headers: { ...anonymous.headers, "x-esim-access-token": token },
        })
        expect(read.status).toBe(200)
      })

      expect(token.length).toBeGreaterThanOrEqual(43)
      // The capture works: the access log recorded the guest's request.
      expect(log).toContain(`/store/orders/${orderId}/esims`)
      expect(log).not.toContain(token)
      expect(log).not.toContain(encodeURIComponent(token))
      restoreBackendUrl()
    })
  },
})
