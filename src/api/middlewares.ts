import { defineMiddlewares } from "@medusajs/framework/http"
import { adminEsimRoutesMiddlewares } from "./admin/middlewares"
import { esimflyHookMiddlewares } from "./hooks/middlewares"
import { storeEsimRoutesMiddlewares } from "./store/middlewares"

export default defineMiddlewares({
  routes: [...storeEsimRoutesMiddlewares, ...adminEsimRoutesMiddlewares, ...esimflyHookMiddlewares],
})
