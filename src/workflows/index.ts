export * from "./purchase-esims"
