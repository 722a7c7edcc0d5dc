// Test host only (excluded from the build): loads the plugin straight from src/ so
// medusaIntegrationTestRunner exercises the sources, not a stale build.
import { defineConfig, loadEnv, Modules } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

const esimflyOptions = {
  accessCode: process.env.ESIMFLY_ACCESS_CODE,
  secretKey: process.env.ESIMFLY_SECRET_KEY,
  baseUrl: process.env.ESIMFLY_BASE_URL,
  orderTimeoutMs: process.env.ESIMFLY_ORDER_TIMEOUT_MS,
}
const esimModuleOptions = {
  ...esimflyOptions,
  lowBalanceThreshold: process.env.ESIMFLY_LOW_BALANCE_THRESHOLD,
  checkoutGuard: process.env.ESIMFLY_CHECKOUT_GUARD,
  exchangeRates: JSON.parse(process.env.ESIMFLY_EXCHANGE_RATES || "[]"),
  pricing: process.env.ESIMFLY_PRICING ? JSON.parse(process.env.ESIMFLY_PRICING) : undefined,
  catalogue: process.env.ESIMFLY_CATALOGUE ? JSON.parse(process.env.ESIMFLY_CATALOGUE) : undefined,
}

module.exports = defineConfig({
  admin: { disable: true },
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
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
          { resolve: "./src/providers/esimfly", id: "esimfly", options: esimflyOptions },
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
  ],
})
