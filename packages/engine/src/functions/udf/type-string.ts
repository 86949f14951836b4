import { typeFromNode, type DataType } from '../../sql/data-type';
import { tokenize } from '../../sql/lexer';
import { ParseFailure } from '../../sql/token-cursor';
import { TypeParser } from '../../sql/type-parser';

class TypeStringParser extends TypeParser {
  parseWhole(): DataType | string {
    const node = this.parseType();
    if (this.peek().kind !== 'eof') this.fail('end of the type');
    return typeFromNode(node);
  }
}

/** Parses a Flink type string such as 'BIGINT' or 'MAP<STRING, INT>'; a message when invalid. */
export function parseTypeString(text: string): DataType | string {
  try {
    return new TypeStringParser(tokenize(text)).parseWhole();
  } catch (error) {
    if (error instanceof ParseFailure) return `invalid type '${text}': ${error.message}`;
    throw error;
  }
}
