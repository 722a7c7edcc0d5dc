import { defineMiddlewares } from "@medusajs/framework/http"
import { storeEsimRoutesMiddlewares } from "./store/middlewares"

export default defineMiddlewares({
  routes: [...storeEsimRoutesMiddlewares],
})
