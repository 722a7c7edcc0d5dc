import { EsimflyOptions, parseEsimflyOptions } from "../../lib/esimfly"

/** The plugin's options: the esimfly connection (see README, "Options"). */
export type EsimModuleOptions = EsimflyOptions

export function parseEsimModuleOptions(raw: unknown): EsimModuleOptions {
  return parseEsimflyOptions(raw)
}
