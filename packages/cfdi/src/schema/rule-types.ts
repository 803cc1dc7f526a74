// Shapes of the table scripts/compile-schema-rules.mjs generates from SAT's XSD (rules.generated.ts).

/** XSD built-in types the SAT schemas derive from; each has its own lexical check. */
export type BuiltInType =
  | 'anySimpleType'
  | 'string'
  | 'normalizedString'
  | 'token'
  | 'NMTOKEN'
  | 'decimal'
  | 'integer'
  | 'long'
  | 'int'
  | 'short'
  | 'byte'
  | 'nonNegativeInteger'
  | 'positiveInteger'
  | 'date'
  | 'dateTime'
  | 'time'
  | 'gYear'
  | 'boolean'
  | 'base64Binary';

export type BoundFacet = 'minInclusive' | 'maxInclusive' | 'minExclusive' | 'maxExclusive';

/** A simple type with its whole derivation chain flattened: every facet listed must hold. */
export interface SimpleTypeRule {
  base: BuiltInType;
  whiteSpace: 'preserve' | 'replace' | 'collapse';
  /** `prefix:name` when the XSD names the type (e.g. tdCFDI:t_Importe), for messages. */
  name?: string;
  length?: number;
  minLength?: number;
  maxLength?: number;
  fractionDigits?: number;
  totalDigits?: number;
  bounds?: [BoundFacet, string][];
  /** One group per derivation step: a value must match some pattern of every group (XSD regex syntax). */
  patterns?: string[][];
  /** One list per derivation step, values already whitespace-normalized: a value must be in each. */
  enumerations?: string[][];
}

export interface AttributeRule {
  name: string;
  /** Index into SIMPLE_TYPES. */
  type: number;
  required?: true;
  fixed?: string;
}

interface Occurrence {
  /** Default 1. */
  min?: number;
  /** Default 1; -1 means unbounded. */
  max?: number;
}

/** A content-model particle; `element` is an index into ELEMENTS. */
export type Particle =
  | ({ seq: Particle[] } & Occurrence)
  | ({ choice: Particle[] } & Occurrence)
  | ({ all: Particle[] } & Occurrence)
  | ({ element: number } & Occurrence)
  | ({ any: 'strict' | 'lax' | 'skip' } & Occurrence);

export interface ComplexTypeRule {
  attributes: AttributeRule[];
  /** No content particle and no `simple`: the element must be empty (not even whitespace). */
  content?: Particle;
  /** Simple content: the element's text is validated with this SIMPLE_TYPES index. */
  simple?: number;
  /** Text may appear between child elements. */
  mixed?: true;
}

export interface ElementRule {
  /** Namespace URI, or null for an unqualified local element. */
  namespace: string | null;
  /** Name with the prefix SAT's XSD binds to its namespace (e.g. `cfdi:Emisor`), for messages. */
  name: string;
  complex?: number;
  simple?: number;
}

export interface SchemaFileRule {
  namespace: string | null;
  /** Paths (keys of SCHEMA_FILES) this XSD imports. */
  imports: string[];
  /** Global element declarations (ELEMENTS indexes). */
  elements: number[];
}
