import { type ParseResult, parseYamlWith } from '../data/yaml.js'
import { type RegulationFile, regulationSchema } from './schema.js'
import { type ValidationContext, validateRegulation, validateRegulationValues } from './validate.js'

/** A regulation file's text parsed and validated: the regulation, or every problem at its line and column. */
export function parseRegulation(text: string, file: string, ctx: ValidationContext = {}): ParseResult<RegulationFile> {
  return parseYamlWith(
    text,
    file,
    regulationSchema,
    (reg, report) => validateRegulation(reg, ctx, report),
    (data, report) => validateRegulationValues(data, ctx, report),
  )
}
