/**
 * The rule table's vocabulary: one kind of instruction per XSLT construct SAT's cadena-original
 * stylesheets use (scripts/compile-cadena-rules.mjs refuses anything else). Paths are the XSLT's own
 * XPath text, minus a leading `./`: `prefix:Name` and `*` child steps, `.` (the context node), `//`
 * (any depth below), a leading `/` (the document) and a final `@Attr`.
 */
export type RuleInstruction =
  /** Literal text in a template, e.g. the `|` and `||` around the whole cadena. */
  | { readonly text: string }
  /** `Requerido`: `|` and the normalized value, even when the attribute is missing. */
  | { readonly req: string }
  /** `Opcional`: `|` and the normalized value, only when the path selects something (even ""). */
  | { readonly opt: string }
  /** `xsl:apply-templates select=…`: each selected element through its template (or XSLT's built-in one). */
  | { readonly apply: string }
  /** `xsl:for-each select=…`: the body once per selected element, in document order. */
  | { readonly each: string; readonly do: readonly RuleInstruction[] }
  /** `xsl:if test=…`: a path that selects something, or `path='literal'` when `equals` is set. */
  | { readonly if: string; readonly equals?: string; readonly do: readonly RuleInstruction[] };

/** One SAT XSLT file: its namespace prefixes and its templates by matched name (`/` = the document). */
export interface RuleModule {
  readonly namespaces: Readonly<Record<string, string>>;
  readonly templates: Readonly<Record<string, readonly RuleInstruction[]>>;
}
