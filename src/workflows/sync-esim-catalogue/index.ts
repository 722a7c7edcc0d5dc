export * from "./workflow"
export * from "./preview"
export * from "./scope"
export * from "./types"
