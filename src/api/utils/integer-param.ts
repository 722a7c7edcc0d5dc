/**
 * Query strings arrive as text: digits become a number, anything else (even "" or " ", which
 * z.coerce.number reads as 0) stays as it is, so zod refuses it and Medusa's 400 names the field.
 */
export const integerParam = (value: unknown) =>
  typeof value === "string" && /^-?\d+$/.test(value) ? Number(value) : value
