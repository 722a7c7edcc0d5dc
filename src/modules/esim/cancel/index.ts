export * from "./cancel-at-esimfly"
export * from "./outcomes"
export * from "./return-plan"
export * from "./selection"
