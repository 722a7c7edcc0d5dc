export * from "./options"
export * from "./sync-status"
