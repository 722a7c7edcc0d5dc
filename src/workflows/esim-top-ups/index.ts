export { buyEsimTopUpsWorkflow, buyEsimTopUpsWorkflowId } from "./buy"
export type { BuyEsimTopUpsInput } from "./buy"
export { cancelEsimTopUpsWorkflow, cancelEsimTopUpsWorkflowId } from "./cancel"
export { settleEsimTopUpsWorkflow, settleEsimTopUpsWorkflowId } from "./settle"
