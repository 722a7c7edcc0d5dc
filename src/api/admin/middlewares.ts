import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { AdminEsimOrderAction } from "./esim-orders/validators"

export const adminEsimRoutesMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["POST"],
    matcher: "/admin/esim-orders/:id/retry",
    middlewares: [validateAndTransformBody(AdminEsimOrderAction)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/esim-orders/:id/resend",
    middlewares: [validateAndTransformBody(AdminEsimOrderAction)],
  },
]
