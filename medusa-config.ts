// Test host only (excluded from the build): loads the plugin straight from src/ so
// medusaIntegrationTestRunner exercises the sources, not a stale build.
import { defineConfig, loadEnv, Modules } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

const esimflyOptions = {
  accessCode: process.env.ESIMFLY_ACCESS_CODE,
  secretKey: process.env.ESIMFLY_SECRET_KEY,
  baseUrl: process.env.ESIMFLY_BASE_URL,
  orderTimeoutMs: process.env.ESIMFLY_ORDER_TIMEOUT_MS,
  rateLimitMaxWaitMs: process.env.ESIMFLY_RATE_LIMIT_MAX_WAIT_MS,
}
const esimModuleOptions = {
  ...esimflyOptions,
  lowBalanceThreshold: process.env.ESIMFLY_LOW_BALANCE_THRESHOLD,
  checkoutGuard: process.env.ESIMFLY_CHECKOUT_GUARD,
  buyWhen: process.env.ESIMFLY_BUY_WHEN || undefined,
  balanceRefreshIntervalMs: process.env.ESIMFLY_BALANCE_REFRESH_INTERVAL_MS,
  guardBalanceMaxAgeMs: process.env.ESIMFLY_GUARD_BALANCE_MAX_AGE_MS,
  exchangeRates: JSON.parse(process.env.ESIMFLY_EXCHANGE_RATES || "[]"),
  pricing: process.env.ESIMFLY_PRICING ? JSON.parse(process.env.ESIMFLY_PRICING) : undefined,
  catalogue: process.env.ESIMFLY_CATALOGUE ? JSON.parse(process.env.ESIMFLY_CATALOGUE) : undefined,
  orderLockTtlS: process.env.ESIMFLY_ORDER_LOCK_TTL_S,
  orderLockWaitS: process.env.ESIMFLY_ORDER_LOCK_WAIT_S,
  costLookupBatch: process.env.ESIMFLY_COST_LOOKUP_BATCH,
  costLookupOnSave: process.env.ESIMFLY_COST_LOOKUP_ON_SAVE,
  webhookSecret: process.env.ESIMFLY_WEBHOOK_SECRET || undefined,
  webhookUrl: process.env.ESIMFLY_WEBHOOK_URL || undefined,
  usageCacheMs: process.env.ESIMFLY_USAGE_CACHE_MS,
  notifyUsageLow: process.env.ESIMFLY_NOTIFY_USAGE_LOW,
  notifyExpiring: process.env.ESIMFLY_NOTIFY_EXPIRING,
}

const WORKER_MODES = ["shared", "server", "worker"] as const

/** MEDUSA_WORKER_MODE: "server" answers HTTP only, "worker" runs subscribers and jobs only, "shared" both. */
function workerModeFromEnv(): (typeof WORKER_MODES)[number] {
  const mode = process.env.MEDUSA_WORKER_MODE || "shared"
  const known = WORKER_MODES.find((candidate) => candidate === mode)
  if (!known) {
    throw new Error(`MEDUSA_WORKER_MODE must be shared, server or worker (got "${mode}")`)
  }
  return known
}

const redisUrl = process.env.REDIS_URL

// Medusa's production topology (README, "Scale-out: server and worker"): with REDIS_URL, events,
// workflow executions and locks go through Redis so a server and a worker share them.
const redisModules = redisUrl
  ? [
      { key: Modules.EVENT_BUS, resolve: "@medusajs/medusa/event-bus-redis", options: { redisUrl } },
      {
        key: Modules.WORKFLOW_ENGINE,
        resolve: "@medusajs/medusa/workflow-engine-redis",
        options: { redis: { redisUrl } },
      },
      {
        key: Modules.LOCKING,
        resolve: "@medusajs/medusa/locking",
        options: {
          providers: [
            { resolve: "@medusajs/medusa/locking-redis", id: "locking-redis", is_default: true, options: { redisUrl } },
          ],
        },
      },
    ]
  : []

module.exports = defineConfig({
  admin: { disable: true },
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    ...(redisUrl ? { redisUrl, workerMode: workerModeFromEnv() } : {}),
    http: {
      storeCors: "*",
      adminCors: "*",
      authCors: "*",
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
    },
  },
  modules: [
    { resolve: "./src/modules/esim", options: esimModuleOptions },
    {
      resolve: "@medusajs/medusa/fulfillment",
      options: {
        providers: [
          { resolve: "@medusajs/medusa/fulfillment-manual", id: "manual" },
          { resolve: "./src/providers/esimfly", id: "esimfly" },
        ],
      },
    },
    {
      key: Modules.NOTIFICATION,
      resolve: "@medusajs/medusa/notification",
      options: {
        providers: [
          {
            resolve: "@medusajs/medusa/notification-local",
            id: "local",
            options: { name: "Local", channels: ["email", "feed"] },
          },
        ],
      },
    },
    ...redisModules,
  ],
})
