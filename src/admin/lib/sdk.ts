import Medusa from "@medusajs/js-sdk"

/**
 * The one JS SDK client of the plugin's admin extensions, authenticated like the dashboard.
 * js-sdk 2.21 reads the JWT storage key from `auth`, not from the top level.
 */
export const sdk = new Medusa({
  baseUrl: __BACKEND_URL__ ?? "/",
  auth: { type: __AUTH_TYPE__ ?? "session", jwtTokenStorageKey: __JWT_TOKEN_STORAGE_KEY__ },
})
