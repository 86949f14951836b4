import { isString, type DataType } from '../../sql/data-type';
import type { ScalarFunction } from '../scalar-function';
import { STRING } from '../signature';

type RowType = Extract<DataType, { kind: 'ROW' }>;

/**
 * OBJECT_OF and OBJECT_UPDATE: Weir has no classes, so a structured object is a ROW of its named
 * fields (Flink falls back to Row too when the class cannot be resolved).
 */
export const STRUCTURED_FUNCTIONS: ScalarFunction[] = [
  {
    name: 'OBJECT_OF',
    strict: false,
    infer(args, literals) {
      if (args.length === 0 || args.length % 2 === 0 || !isString(args[0])) return 'OBJECT_OF takes a class name and key, value pairs';
      const fields: RowType['fields'] = [];
      for (let i = 1; i < args.length; i += 2) {
        if (typeof literals[i] !== 'string') return 'the keys of OBJECT_OF must be string literals';
        fields.push({ name: literals[i] as string, type: args[i + 1] });
      }
      return { result: { kind: 'ROW', fields, nullable: false } };
    },
    generate: (args) => `[${args.filter((_, i) => i > 0 && i % 2 === 0).join(', ')}]`,
  },
  {
    name: 'OBJECT_UPDATE',
    strict: false,
    infer(args, literals) {
      const [object] = args;
      if (object?.kind !== 'ROW' || args.length < 3 || args.length % 2 === 0) return 'OBJECT_UPDATE takes an object and key, value pairs';
      const coerceTo: (DataType | undefined)[] = [undefined];
      for (let i = 1; i < args.length; i += 2) {
        const field = object.fields.find((f) => f.name === literals[i]);
        if (!field) return `the object has no field '${String(literals[i])}'`;
        coerceTo.push(undefined, field.type);
      }
      return { result: object, coerceTo };
    },
    generate(args, types, _result, ctx) {
      const fields = (types[0] as RowType).fields;
      const updates = new Map<number, string>();
      for (let i = 1; i < args.length; i += 2) updates.set(fields.findIndex((f) => f.name === ctx.literal(i)), args[i + 1]);
      return `(${args[0]} === null ? null : [${fields.map((_, i) => updates.get(i) ?? `${args[0]}[${i}]`).join(', ')}])`;
    },
  },
  { name: 'CURRENT_DATABASE', strict: false, infer: (args) => (args.length === 0 ? { result: { ...STRING, nullable: false } } : 'CURRENT_DATABASE takes no arguments'), generate: () => "'default_database'" },
];
