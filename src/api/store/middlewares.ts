import {
  authenticate,
  MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { requireSafeIdParam } from "../utils/id-param"
import { privateNoStore } from "./no-store"
import { orderNotFound } from "./order-esims"
import { ownedEsimRouteMiddlewares } from "./owned-esim"
import { StoreAddEsimTopUp, StoreGetOrderEsims, StoreListCustomerEsims, StoreListEsimTopUps } from "./validators"

const CUSTOMER_ESIMS = "/store/customers/me/esims"
const ORDER_ESIMS = "/store/orders/:id/esims"
const REFRESH_ESIM = "/store/esims/:iccid/refresh"

export const storeEsimRoutesMiddlewares: MiddlewareRoute[] = [
  // Without `methods` these run before every route middleware, core's auth included, so a 401 is uncached too.
  { matcher: CUSTOMER_ESIMS, middlewares: [privateNoStore] },
  { matcher: ORDER_ESIMS, middlewares: [privateNoStore] },
  {
    methods: ["GET"],
    matcher: CUSTOMER_ESIMS,
    middlewares: [
      authenticate("customer", ["session", "bearer"]),
      validateAndTransformQuery(StoreListCustomerEsims, { isList: true, defaultLimit: 20 }),
    ],
  },
  {
    methods: ["GET"],
    matcher: ORDER_ESIMS,
    middlewares: [requireSafeIdParam(orderNotFound), validateAndTransformQuery(StoreGetOrderEsims, {})],
  },
  {
    methods: ["POST"],
    matcher: REFRESH_ESIM,
    middlewares: [...ownedEsimRouteMiddlewares, validateAndTransformQuery(StoreGetOrderEsims, {})],
  },
  // Top-ups (docs/top-ups.md): the owner's eSIM only; the price is always the server's.
  {
    methods: ["GET"],
    matcher: "/store/esims/:iccid/top-ups",
    middlewares: [...ownedEsimRouteMiddlewares, validateAndTransformQuery(StoreListEsimTopUps, {})],
  },
  {
    methods: ["POST"],
    matcher: "/store/carts/:id/esim-top-ups",
    middlewares: [
      privateNoStore,
      authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true }),
      validateAndTransformBody(StoreAddEsimTopUp),
    ],
  },
]
