// The demo app: loads the built plugin (repo root, via the self-link in node_modules),
// the esimfly fulfillment provider next to the manual one, and an "email" channel that
// writes each email to an outbox folder (.demo/outbox) instead of sending it.
// scripts/demo.sh writes the .env. The benchmark (scripts/bench) runs the same app twice:
// DEMO_WITHOUT_PLUGIN=true leaves out the plugin and its provider (the baseline), and
// DEMO_ADMIN_DISABLED=true serves no admin.
import { defineConfig, loadEnv, Modules } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

const esimflyOptions = {
  accessCode: process.env.ESIMFLY_ACCESS_CODE,
  secretKey: process.env.ESIMFLY_SECRET_KEY,
  baseUrl: process.env.ESIMFLY_BASE_URL,
}

const withPlugin = process.env.DEMO_WITHOUT_PLUGIN !== "true"

const esimflyPlugin = {
  resolve: "medusa-plugin-esimfly",
  options: {
    ...esimflyOptions,
    lowBalanceThreshold: process.env.ESIMFLY_LOW_BALANCE_THRESHOLD || 50,
    // The demo has no storefront checkout; the browser test sets one to follow a top-up there.
    checkoutUrl: process.env.DEMO_CHECKOUT_URL || undefined,
  },
}
const esimflyProvider = {
  resolve: "medusa-plugin-esimfly/providers/esimfly",
  id: "esimfly",
}

module.exports = defineConfig({
  // backendUrl is also the base of the hosted eSIM page that the delivery email links to.
  admin: { disable: process.env.DEMO_ADMIN_DISABLED === "true", backendUrl: process.env.MEDUSA_BACKEND_URL },
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      storeCors: process.env.STORE_CORS!,
      adminCors: process.env.ADMIN_CORS!,
      authCors: process.env.AUTH_CORS!,
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
    },
  },
  plugins: withPlugin ? [esimflyPlugin] : [],
  modules: [
    {
      resolve: "@medusajs/medusa/fulfillment",
      options: {
        providers: [
          { resolve: "@medusajs/medusa/fulfillment-manual", id: "manual" },
          ...(withPlugin ? [esimflyProvider] : []),
        ],
      },
    },
    {
      key: Modules.NOTIFICATION,
      resolve: "@medusajs/medusa/notification",
      options: {
        providers: [
          {
            resolve: "./src/modules/outbox-notification",
            id: "outbox",
            options: { channels: ["email"], dir: process.env.DEMO_OUTBOX_DIR || undefined },
          },
          // Medusa Admin's notification bell (the plugin's balance and checkout alerts).
          {
            resolve: "@medusajs/medusa/notification-local",
            id: "local",
            options: { name: "Admin feed", channels: ["feed"] },
          },
        ],
      },
    },
  ],
})
