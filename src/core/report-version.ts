/**
 * The report's schema version. Bump it on any change to the report that could break a
 * consumer. It lives apart from the schema so that writing a report does not build the
 * zod schema that reads one.
 */
export const REPORT_SCHEMA_VERSION = 2;
