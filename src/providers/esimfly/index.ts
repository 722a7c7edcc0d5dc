import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import EsimflyFulfillmentService from "./service"

export default ModuleProvider(Modules.FULFILLMENT, {
  services: [EsimflyFulfillmentService],
})
