import { defineMiddlewares } from "@medusajs/framework/http"
import { adminEsimRoutesMiddlewares } from "./admin/middlewares"
import { storeEsimRoutesMiddlewares } from "./store/middlewares"

export default defineMiddlewares({
  routes: [...storeEsimRoutesMiddlewares, ...adminEsimRoutesMiddlewares],
})
