/** One test for "a plain object of named values" (parsed YAML or JSON), shared by every model that reads such data. */

/** True for a non-null object that is not an array: a mapping read from YAML or JSON. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
