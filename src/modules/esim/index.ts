import { Module } from "@medusajs/framework/utils"
import validateOptionsLoader from "./loaders/validate-options"
import EsimModuleService from "./service"

export const ESIM_MODULE = "esim"

export default Module(ESIM_MODULE, {
  service: EsimModuleService,
  loaders: [validateOptionsLoader],
})

export { EsimModuleService }
