export * from "./purchase-esims"
export * from "./resend-esim-delivery"
export * from "./retry-esim-order"
export * from "./resolve-pending-esims"
