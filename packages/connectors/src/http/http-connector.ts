import type { Connector } from '@weir/engine';
import { specOrThrow } from '../common/spec-or-throw';
import { MESSAGE_FORMAT_OPTION_VALUES } from '../formats/message-format';
import { HttpLookupSource } from './http-lookup';
import { HTTP_OPTION_PATTERNS, HTTP_OPTION_VALUES, HTTP_OPTIONS, HTTP_REQUIRED, readHttpSpec } from './http-options';
import { HttpSinkWriter } from './http-sink-writer';

/** `http`: a sink sending batches of rows, and lookups calling an endpoint. */
export const httpConnector: Connector = {
  name: 'http',
  requiredOptions: HTTP_REQUIRED,
  optionalOptions: HTTP_OPTIONS,
  optionValues: { ...MESSAGE_FORMAT_OPTION_VALUES, ...HTTP_OPTION_VALUES },
  optionPatterns: HTTP_OPTION_PATTERNS,
  validate: (table, role) => readHttpSpec(table, role).problems,
  createSink: (table) => new HttpSinkWriter(specOrThrow(table.table, readHttpSpec(table, 'sink'))),
  createLookup: (table) => new HttpLookupSource(specOrThrow(table.table, readHttpSpec(table, 'lookup')), table),
};
