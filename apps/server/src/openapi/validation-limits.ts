import { getMetadataStorage } from 'class-validator';

type Schema = Record<string, any>;
interface Rule {
  name?: string;
  propertyName: string;
  constraints?: unknown[];
  each?: boolean;
}

/** JSON Schema keywords of class-validator's rules, from the values they run with. */
const KEYWORDS: Record<string, (c: any[]) => Schema> = {
  maxLength: ([max]) => ({ maxLength: max }),
  minLength: ([min]) => ({ minLength: min }),
  isLength: ([min, max]) => ({ minLength: min, ...(max === undefined ? {} : { maxLength: max }) }),
  max: ([max]) => ({ maximum: max }),
  min: ([min]) => ({ minimum: min }),
  isIn: ([values]) => ({ enum: values }),
  arrayMaxSize: ([max]) => ({ maxItems: max }),
  arrayMinSize: ([min]) => ({ minItems: min }),
  matches: ([pattern]) => (pattern instanceof RegExp && !pattern.flags.replace('u', '') ? { pattern: pattern.source } : {}),
  isInt: () => ({ type: 'integer' }),
  isPositive: () => ({ exclusiveMinimum: 0 }),
};

/**
 * The limits @nestjs/swagger's plugin cannot read off the source: it writes a rule's arguments only when
 * they are literals, so `@MaxLength(RATING_COMMENT_MAX)` gave no `maxLength`. class-validator's own
 * metadata has the values, so the request schemas get them from there (what the plugin did give stays).
 */
export function addValidationLimits(schemas: Record<string, Schema>): void {
  const rulesOf = (getMetadataStorage() as unknown as { validationMetadatas: Map<Function, Rule[]> }).validationMetadatas;
  for (const target of rulesOf.keys()) {
    const schema = schemas[target.name];
    if (!schema?.properties) continue;
    // A class's rules and those it inherits (SocketMessageDto extends PostMessageDto).
    const rules: Rule[] = [];
    for (let cls: Function | null = target; cls && cls !== Function.prototype; cls = Object.getPrototypeOf(cls)) rules.push(...(rulesOf.get(cls) ?? []));
    for (const rule of rules) {
      const keywords = rule.name && KEYWORDS[rule.name]?.(rule.constraints ?? []);
      const property = schema.properties[rule.propertyName];
      if (!keywords || !property) continue;
      const into = rule.each && property.type === 'array' ? (property.items ??= {}) : property;
      for (const [key, value] of Object.entries(keywords)) if (applies(key, into)) into[key] = value;
    }
  }
}

/** What the plugin gave stays: a keyword is added where missing, `integer` only narrows `number`, and the plugin's `minimum: 1` already says positive. */
function applies(keyword: string, schema: Schema): boolean {
  if (keyword === 'type') return schema.type === 'number';
  if (keyword === 'exclusiveMinimum') return schema.exclusiveMinimum === undefined && schema.minimum === undefined;
  return schema[keyword] === undefined;
}
