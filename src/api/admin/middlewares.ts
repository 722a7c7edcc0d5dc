import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { AdminEsimOrderAction, AdminListEsimOrders } from "./esim-orders/validators"
import {
  AdminGetEsimflyBalance,
  AdminGetEsimflyOrders,
  AdminGetEsimflyPackages,
  AdminGetEsimflyProfit,
} from "./esimfly/validators"

const query = (matcher: string, schema: Parameters<typeof validateAndTransformQuery>[0]): MiddlewareRoute => ({
  methods: ["GET"],
  matcher,
  middlewares: [validateAndTransformQuery(schema, {})],
})

const action = (matcher: string): MiddlewareRoute => ({
  methods: ["POST"],
  matcher,
  middlewares: [validateAndTransformBody(AdminEsimOrderAction)],
})

export const adminEsimRoutesMiddlewares: MiddlewareRoute[] = [
  query("/admin/esimfly/balance", AdminGetEsimflyBalance),
  query("/admin/esimfly/orders", AdminGetEsimflyOrders),
  query("/admin/esimfly/profit", AdminGetEsimflyProfit),
  query("/admin/esimfly/packages", AdminGetEsimflyPackages),
  query("/admin/esim-orders", AdminListEsimOrders),
  action("/admin/esim-orders/:id/retry"),
  action("/admin/esim-orders/:id/resend"),
]
