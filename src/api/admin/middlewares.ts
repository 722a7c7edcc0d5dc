import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { requireSafeIdParam } from "../utils/id-param"
import { AdminEsimOrderAction, AdminListEsimOrders } from "./esim-orders/validators"
import { AdminEsimTopUpAction, AdminListEsimTopUps } from "./esim-top-ups/validators"
import { releaseEsimFulfillmentsBeforeCancel } from "./order-cancel"
import {
  AdminGetEsimflyBalance,
  AdminGetEsimflyCatalogueSync,
  AdminGetEsimflyOrders,
  AdminGetEsimflyOrphans,
  AdminGetEsimflyPackages,
  AdminGetEsimflyPricingPreview,
  AdminGetEsimflyProfit,
  AdminGetEsimflyRateLimit,
  AdminReconcileEsimfly,
  AdminSyncEsimflyCatalogue,
  AdminConnectEsimflyWebhooks,
  AdminGetEsimflyWebhooks,
} from "./esimfly/validators"

const query = (matcher: string, schema: Parameters<typeof validateAndTransformQuery>[0]): MiddlewareRoute => ({
  methods: ["GET"],
  matcher,
  middlewares: [validateAndTransformQuery(schema, {})],
})

const safeEsimOrderId = requireSafeIdParam(
  (id) => new MedusaError(MedusaError.Types.NOT_FOUND, `eSIM order ${id} was not found`)
)

const safeIccid = requireSafeIdParam(
  (iccid) => new MedusaError(MedusaError.Types.NOT_FOUND, `eSIM ${iccid} was not found`),
  "iccid"
)

const action = (matcher: string): MiddlewareRoute => ({
  methods: ["POST"],
  matcher,
  middlewares: [safeEsimOrderId, validateAndTransformBody(AdminEsimOrderAction)],
})

export const adminEsimRoutesMiddlewares: MiddlewareRoute[] = [
  query("/admin/esimfly/balance", AdminGetEsimflyBalance),
  query("/admin/esimfly/rate-limit", AdminGetEsimflyRateLimit),
  query("/admin/esimfly/orders", AdminGetEsimflyOrders),
  query("/admin/esimfly/profit", AdminGetEsimflyProfit),
  query("/admin/esimfly/packages", AdminGetEsimflyPackages),
  query("/admin/esimfly/catalogue/sync", AdminGetEsimflyCatalogueSync),
  {
    methods: ["POST"],
    matcher: "/admin/esimfly/catalogue/sync",
    middlewares: [validateAndTransformBody(AdminSyncEsimflyCatalogue)],
  },
  query("/admin/esimfly/pricing-preview", AdminGetEsimflyPricingPreview),
  query("/admin/esimfly/orphans", AdminGetEsimflyOrphans),
  {
    methods: ["POST"],
    matcher: "/admin/esimfly/reconcile",
    middlewares: [validateAndTransformBody(AdminReconcileEsimfly)],
  },
  query("/admin/esimfly/webhooks", AdminGetEsimflyWebhooks),
  {
    methods: ["POST"],
    matcher: "/admin/esimfly/webhooks/connect",
    middlewares: [validateAndTransformBody(AdminConnectEsimflyWebhooks)],
  },
  { methods: ["GET"], matcher: "/admin/esims/:iccid", middlewares: [safeIccid] },
  query("/admin/esim-orders", AdminListEsimOrders),
  { methods: ["GET"], matcher: "/admin/esim-orders/:id", middlewares: [safeEsimOrderId] },
  action("/admin/esim-orders/:id/retry"),
  action("/admin/esim-orders/:id/resend"),
  action("/admin/esim-orders/:id/cancel"),
  // Top-ups (docs/top-ups.md): the list, and the retry that releases a hold.
  query("/admin/esim-top-ups", AdminListEsimTopUps),
  {
    methods: ["POST"],
    matcher: "/admin/esim-top-ups/:id/retry",
    middlewares: [
      requireSafeIdParam((id) => new MedusaError(MedusaError.Types.NOT_FOUND, `eSIM top-up ${id} was not found`)),
      validateAndTransformBody(AdminEsimTopUpAction),
    ],
  },
  // Medusa's own order cancel: the delivered eSIM fulfillment must not block it.
  { methods: ["POST"], matcher: "/admin/orders/:id/cancel", middlewares: [releaseEsimFulfillmentsBeforeCancel] },
]
